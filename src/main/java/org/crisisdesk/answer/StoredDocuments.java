package org.crisisdesk.answer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;

/**
 * Recently read stored documents of one generation. Reading a stored document decompresses its whole block, and a
 * question reads the same few documents up to three times (to cut the snippet, to cite it, to suggest topics); the
 * same popular texts also answer many questions. Bounded, least recently used first out, thread-safe.
 */
final class StoredDocuments {

    private final IndexReader reader;
    private final Map<Integer, Document> recent;

    StoredDocuments(IndexReader reader, int capacity) {
        this.reader = reader;
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Document> eldest) {
                return size() > capacity;
            }
        };
    }

    Document get(int doc) throws IOException {
        synchronized (recent) {
            Document cached = recent.get(doc);
            if (cached != null) {
                return cached;
            }
        }
        Document loaded = reader.storedFields().document(doc);
        synchronized (recent) {
            recent.put(doc, loaded);
        }
        return loaded;
    }
}
