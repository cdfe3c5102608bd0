package org.crisisdesk.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.TextAnalysis;

/**
 * Cuts the best sentence or two out of each chosen text and keeps where the question's words are, so a front end
 * can bold them its own way.
 *
 * <p>The chosen texts (three at most, each a few hundred characters) are analysed again rather than read back from
 * the index: Lucene's UnifiedHighlighter seeks every question term in the postings of every chosen text, which at a
 * million passages cost more than analysing the texts, and at any size was the largest cost of an answer after the
 * search. Sentences are grouped and scored as that highlighter does, with its {@link PassageScorer} formula, but
 * with each term's real frequency in the text (the highlighter's match-based mode counts every term once).
 */
final class SnippetCutter {

    /** Private-use characters mark matches inside the formatted text; knowledge text cannot contain them. */
    private static final char START = '\uE000';
    private static final char END = '\uE001';
    private static final String GAP = " … ";

    /** The weakest passage first, and of two equal ones the earlier, so that is the one a better passage evicts. */
    private static final Comparator<Passage> WEAKEST_FIRST = Comparator.comparingDouble(Passage::getScore)
            .thenComparingInt(Passage::getStartOffset);

    private static final Comparator<Match> TEXT_ORDER = Comparator.comparingInt(Match::start)
            .thenComparingInt(Match::end).thenComparing(Match::term);

    private final TextAnalysis analysis;
    private final StoredDocuments documents;
    private final PassageScorer scorer = new PassageScorer();
    private final PassageFormatter formatter = new MarkingFormatter();
    /** Cloned for each text: a break iterator holds its text, and making a new one from the rules costs more. */
    private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);

    SnippetCutter(TextAnalysis analysis, StoredDocuments documents) {
        this.analysis = analysis;
        this.documents = documents;
    }

    /** The cut text of each document, in the order given; sentences per document are capped by {@code sentences}. */
    List<Cut> cut(Query query, int[] docs, int sentences) throws IOException {
        Set<String> wanted = new HashSet<>(QueryPlan.terms(query));
        Analyzer analyzer = wanted.stream().anyMatch(TextAnalysis::isAliasTerm)
                ? analysis.indexAnalyzer() : analysis.wordsAnalyzer();
        List<Cut> cuts = new ArrayList<>(docs.length);
        for (int doc : docs) {
            String text = documents.get(doc).get(Fields.TEXT);
            cuts.add(text == null || text.isEmpty() ? Cut.parse("")
                    : Cut.parse(cutText(text, wanted, sentences, analyzer)));
        }
        return cuts;
    }

    private String cutText(String text, Set<String> wanted, int maxSentences, Analyzer analyzer) {
        BreakIterator bounds = (BreakIterator) sentences.clone();
        bounds.setText(text);
        List<Match> matches = matches(text, wanted, analyzer);
        Passage[] chosen = matches.isEmpty()
                ? firstSentence(bounds)
                : best(matches, bounds, text.length(), maxSentences);
        return chosen.length == 0 ? "" : (String) formatter.format(chosen, text);
    }

    /** Every token of the text that is a term of the question, in text order, with its count in the text. */
    private static List<Match> matches(String text, Set<String> wanted, Analyzer analyzer) {
        List<String> found = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream stream = analyzer.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (wanted.contains(value)) {
                    found.add(value);
                    offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
                    counts.merge(value, 1, Integer::sum);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a stored text in memory", e);
        }
        Map<String, BytesRef> bytes = new HashMap<>();
        List<Match> matches = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            String value = found.get(i);
            matches.add(new Match(offsets.get(i)[0], offsets.get(i)[1],
                    bytes.computeIfAbsent(value, BytesRef::new), counts.get(value)));
        }
        matches.sort(TEXT_ORDER);
        return matches;
    }

    /**
     * Groups the matches into sentence-bounded passages (a passage grows while the next match starts inside it),
     * scores each, and keeps the best {@code max}, returned in text order.
     */
    private Passage[] best(List<Match> matches, BreakIterator bounds, int length, int max) {
        PriorityQueue<Passage> kept = new PriorityQueue<>(max + 1, WEAKEST_FIRST);
        Passage current = new Passage();
        int previousEnd = 0;
        for (Match match : matches) {
            if (match.start() >= current.getEndOffset()) {
                current = keep(kept, current, length, max);
                int middle = match.start() + (match.end() - match.start()) / 2;
                int sentenceStart = bounds.preceding(Math.max(match.start() + 1, middle));
                current.setStartOffset(Math.min(match.start(), Math.max(sentenceStart, previousEnd)));
                int sentenceEnd = bounds.following(Math.min(match.end() - 1, middle));
                previousEnd = Math.max(match.end(), Math.min(sentenceEnd, length));
                current.setEndOffset(previousEnd);
            }
            current.addMatch(match.start(), match.end(), match.term(), match.countInText());
        }
        keep(kept, current, length, max);
        Passage[] chosen = kept.toArray(new Passage[0]);
        Arrays.sort(chosen, Comparator.comparingInt(Passage::getStartOffset));
        return chosen;
    }

    /** Scores a finished passage and keeps it if it is among the best; returns the passage to fill next. */
    private Passage keep(PriorityQueue<Passage> kept, Passage finished, int length, int max) {
        if (finished.getStartOffset() == -1) {
            return finished;
        }
        finished.setScore(score(finished, length));
        if (kept.size() == max && finished.getScore() < kept.peek().getScore()) {
            finished.reset();
            return finished;
        }
        kept.offer(finished);
        if (kept.size() > max) {
            Passage evicted = kept.poll();
            evicted.reset();
            return evicted;
        }
        return new Passage();
    }

    /**
     * {@link PassageScorer#score}'s formula (each distinct term's frequency in the passage, weighted by its
     * frequency in the text, times a bonus for passages early in the text) without the hash table it allocates
     * for every passage, which was a sixth of the cost of cutting. The terms of one text are shared instances, and
     * a passage has a handful of matches, so identity and a linear scan are enough.
     */
    private float score(Passage passage, int length) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        double score = 0;
        for (int i = 0; i < matches; i++) {
            boolean seenBefore = false;
            int inPassage = 1;
            for (int j = 0; j < matches; j++) {
                if (j != i && terms[j] == terms[i]) {
                    seenBefore |= j < i;
                    inPassage++;
                }
            }
            if (!seenBefore) {
                score += scorer.tf(inPassage, passage.getLength())
                        * scorer.weight(length, passage.getMatchTermFreqsInDoc()[i]);
            }
        }
        return (float) (score * scorer.norm(passage.getStartOffset()));
    }

    /** No word of the question is in the text itself (it matched by its title): its first sentence stands in. */
    private static Passage[] firstSentence(BreakIterator bounds) {
        int start = bounds.first();
        int end = bounds.next();
        if (end == BreakIterator.DONE) {
            return new Passage[0];
        }
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(end);
        return new Passage[] {passage};
    }

    private record Match(int start, int end, BytesRef term, int countInText) {
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

    /** Joins a document's best sentences in text order, marking each match; overlapping matches make one mark. */
    private static final class MarkingFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder out = new StringBuilder();
            int previousEnd = -1;
            for (Passage passage : passages) {
                if (previousEnd >= 0) {
                    boolean adjacent = content.substring(previousEnd, passage.getStartOffset()).isBlank();
                    out.append(adjacent ? " " : GAP);
                }
                out.append(marked(passage, content).strip());
                previousEnd = passage.getEndOffset();
            }
            return out.toString().strip();
        }

        /**
         * The passage's text with its matches marked. A name and its alias match the same words ("Operation
         * Serval" as one alias and as two words), so a match that starts inside the previous one extends it.
         */
        private static String marked(Passage passage, String content) {
            List<int[]> marks = new ArrayList<>();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = Math.max(passage.getStartOffset(), passage.getMatchStarts()[i]);
                int end = Math.min(passage.getEndOffset(), passage.getMatchEnds()[i]);
                if (end <= start) {
                    continue;
                }
                int[] last = marks.isEmpty() ? null : marks.get(marks.size() - 1);
                if (last != null && start < last[1]) {
                    last[1] = Math.max(last[1], end);
                } else {
                    marks.add(new int[] {start, end});
                }
            }
            StringBuilder sentence = new StringBuilder();
            int pos = passage.getStartOffset();
            for (int[] mark : marks) {
                sentence.append(content, pos, mark[0]).append(START).append(content, mark[0], mark[1]).append(END);
                pos = mark[1];
            }
            return sentence.append(content, pos, passage.getEndOffset()).toString();
        }
    }
}
