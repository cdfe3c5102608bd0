package org.crisisdesk.answer;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.crisisdesk.index.Fields;

/**
 * Cuts the best sentence or two out of each hit with Lucene's {@link UnifiedHighlighter} (offsets come from the
 * postings, so nothing is re-analyzed), keeping matched ranges so a front end can bold them its own way.
 */
final class SnippetCutter {

    /** Private-use characters mark matches inside the highlighter's output; knowledge text cannot contain them. */
    private static final char START = '\uE000';
    private static final char END = '\uE001';
    private static final String GAP = " … ";

    private final UnifiedHighlighter highlighter;

    SnippetCutter(IndexSearcher searcher, org.apache.lucene.analysis.Analyzer analyzer, StoredDocuments documents) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFieldMatcher(field -> true)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH))
                .withFormatter(new MarkingFormatter())
                .withMaxNoHighlightPassages(1);
        this.highlighter = new UnifiedHighlighter(builder) {
            // The texts come from the shared cache: the answer reads the same documents right after.
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Document document = documents.get(doc);
                    CharSequence[] row = new CharSequence[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        String value = document.get(fields[i]);
                        row[i] = value == null ? "" : value;
                    }
                    values.add(row);
                }
                return values;
            }
        };
    }

    /** The cut text of each document, in the order given; sentences per document are capped by {@code sentences}. */
    List<Cut> cut(Query query, int[] docs, int sentences) throws IOException {
        String[] marked = highlighter.highlightFields(new String[] {Fields.TEXT}, query, docs, new int[] {sentences})
                .get(Fields.TEXT);
        List<Cut> cuts = new ArrayList<>(docs.length);
        for (String text : marked) {
            cuts.add(Cut.parse(text == null ? "" : text));
        }
        return cuts;
    }

    /** Text without markers, and where the markers were. */
    record Cut(String text, List<Snippet.Highlight> highlights) {

        static Cut parse(String marked) {
            StringBuilder text = new StringBuilder(marked.length());
            List<Snippet.Highlight> highlights = new ArrayList<>();
            int start = -1;
            for (int i = 0; i < marked.length(); i++) {
                char c = marked.charAt(i);
                if (c == START) {
                    start = text.length();
                } else if (c == END) {
                    if (start >= 0 && text.length() > start) {
                        highlights.add(new Snippet.Highlight(start, text.length()));
                    }
                    start = -1;
                } else {
                    text.append(c);
                }
            }
            return new Cut(text.toString(), highlights);
        }

        /** The same cut with {@code prefix} before it, highlights shifted to match. */
        Cut prefixed(String prefix) {
            List<Snippet.Highlight> shifted = highlights.stream()
                    .map(h -> new Snippet.Highlight(h.start() + prefix.length(), h.end() + prefix.length()))
                    .toList();
            return new Cut(prefix + text, shifted);
        }
    }

    /** Joins a document's best sentences in text order, marking each match. */
    private static final class MarkingFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder out = new StringBuilder();
            int previousEnd = -1;
            for (Passage passage : passages) {
                StringBuilder sentence = new StringBuilder();
                int pos = passage.getStartOffset();
                for (int i = 0; i < passage.getNumMatches(); i++) {
                    int start = Math.max(pos, passage.getMatchStarts()[i]);
                    int end = Math.min(passage.getEndOffset(), passage.getMatchEnds()[i]);
                    if (end <= start) {
                        continue;
                    }
                    sentence.append(content, pos, start).append(START).append(content, start, end).append(END);
                    pos = end;
                }
                sentence.append(content, pos, passage.getEndOffset());
                if (previousEnd >= 0) {
                    boolean adjacent = content.substring(previousEnd, passage.getStartOffset()).isBlank();
                    out.append(adjacent ? " " : GAP);
                }
                out.append(sentence.toString().strip());
                previousEnd = passage.getEndOffset();
            }
            return out.toString().strip();
        }
    }
}
