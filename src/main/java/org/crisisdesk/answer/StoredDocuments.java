package org.crisisdesk.answer;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.TextAnalysis;

/**
 * Recently read stored documents of one generation, as {@link DocumentView}s, with their analysed forms. Reading a
 * stored document decompresses its whole block and its sentences are JSON to parse, and a question reads the same
 * few documents several times (to choose a sentence, to cite it, to suggest topics); the same popular texts also
 * answer many questions. Bounded, least recently used first out, thread-safe.
 */
final class StoredDocuments {

    private static final java.util.regex.Pattern ASKING = java.util.regex.Pattern.compile(
            "(?i)(?:why|when|how|where|who|what|which|pourquoi|quand|comment|combien|où|ou|qui|que|quel|quelle)\\b");

    private final IndexReader reader;
    private final TextAnalysis analysis;
    private final Map<Integer, Entry> recent;

    /** A document and its analysis per language, filled on first use. */
    private static final class Entry {
        final DocumentView view;
        final Map<Language, AnalysedDocument> analysed = new EnumMap<>(Language.class);
        final Map<Language, List<CuratedQuestion>> questions = new EnumMap<>(Language.class);
        final Map<Language, List<TextAnalysis.Token>> titles = new EnumMap<>(Language.class);
        final Map<Language, AnswerType> titleKinds = new EnumMap<>(Language.class);

        Entry(DocumentView view) {
            this.view = view;
        }
    }

    StoredDocuments(IndexReader reader, TextAnalysis analysis, int capacity) {
        this.reader = reader;
        this.analysis = analysis;
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    DocumentView get(int doc) throws IOException {
        return entry(doc).view;
    }

    /** The document's terms in {@code language}, analysed on first use. */
    AnalysedDocument analysed(int doc, Language language) throws IOException {
        Entry entry = entry(doc);
        synchronized (entry) {
            return entry.analysed.computeIfAbsent(language, l -> AnalysedDocument.of(entry.view, l, analysis));
        }
    }

    /**
     * The document's title analysed in {@code language}, on first use: the best ten candidates' titles are read for
     * every question, their sentences only for the few the answer is chosen from.
     */
    List<TextAnalysis.Token> title(int doc, Language language) throws IOException {
        Entry entry = entry(doc);
        synchronized (entry) {
            AnalysedDocument whole = entry.analysed.get(language);
            if (whole != null) {
                return whole.title();
            }
            return entry.titles.computeIfAbsent(language,
                    l -> analysis.tokens(entry.view.title(l), true, l));
        }
    }

    /** The kind of question the document's title answers ("Why the 2020 coup happened": a reason), read once. */
    AnswerType titleKind(int doc, Language language) throws IOException {
        Entry entry = entry(doc);
        synchronized (entry) {
            return entry.titleKinds.computeIfAbsent(language, l -> {
                String title = entry.view.title(l);
                // Titles that answer a kind of question open with its word; most open with a name.
                return ASKING.matcher(title).lookingAt() ? QuestionReader.kind(title) : AnswerType.GENERAL;
            });
        }
    }

    /**
     * The document's curated questions analysed in {@code language}, on first use: apart from its sentences, as
     * every candidate of a question needs them and only the few best need their sentences.
     */
    List<CuratedQuestion> questions(int doc, Language language) throws IOException {
        Entry entry = entry(doc);
        synchronized (entry) {
            return entry.questions.computeIfAbsent(language, l -> CuratedQuestion.of(entry.view, l, analysis));
        }
    }

    private Entry entry(int doc) throws IOException {
        synchronized (recent) {
            Entry cached = recent.get(doc);
            if (cached != null) {
                return cached;
            }
        }
        Entry loaded = new Entry(DocumentView.of(reader.storedFields().document(doc)));
        synchronized (recent) {
            Entry raced = recent.putIfAbsent(doc, loaded);
            return raced != null ? raced : loaded;
        }
    }
}
