package org.crisisdesk.answer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;

/**
 * Recently read stored documents of one generation, as {@link DocumentView}s. Reading a stored document
 * decompresses its whole block and its sentences are JSON to parse, and a question reads the same few documents
 * several times (to choose a sentence, to cite it, to suggest topics); the same popular texts also answer many
 * questions. Bounded, least recently used first out, thread-safe.
 */
final class StoredDocuments {

    private final IndexReader reader;
    private final Map<Integer, DocumentView> recent;

    StoredDocuments(IndexReader reader, int capacity) {
        this.reader = reader;
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, DocumentView> eldest) {
                return size() > capacity;
            }
        };
    }

    DocumentView get(int doc) throws IOException {
        synchronized (recent) {
            DocumentView cached = recent.get(doc);
            if (cached != null) {
                return cached;
            }
        }
        DocumentView loaded = DocumentView.of(reader.storedFields().document(doc));
        synchronized (recent) {
            recent.put(doc, loaded);
        }
        return loaded;
    }
}
