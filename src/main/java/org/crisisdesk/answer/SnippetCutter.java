package org.crisisdesk.answer;

import java.io.IOException;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
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

    private static final String GAP = " … ";

    /** The weakest passage first, and of two equal ones the earlier, so that is the one a better passage evicts. */
    private static final Comparator<Passage> WEAKEST_FIRST = Comparator.comparingDouble(Passage::getScore)
            .thenComparingInt(Passage::getStartOffset);

    private static final Comparator<Match> TEXT_ORDER = Comparator.comparingInt(Match::start)
            .thenComparingInt(Match::end).thenComparing(Match::term);

    private final TextAnalysis analysis;
    private final StoredDocuments documents;
    private final PassageScorer scorer = new PassageScorer();
    /** Cloned for each text: a break iterator holds its text, and making a new one from the rules costs more. */
    private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);

    SnippetCutter(TextAnalysis analysis, StoredDocuments documents) {
        this.analysis = analysis;
        this.documents = documents;
    }

    /** The cut text of each document, in the order given; sentences per document are capped by {@code sentences}. */
    List<Cut> cut(Query query, int[] docs, int sentences) throws IOException {
        Set<String> wanted = new HashSet<>(QueryPlan.terms(query));
        boolean aliases = wanted.stream().anyMatch(TextAnalysis::isAliasTerm);
        List<Cut> cuts = new ArrayList<>(docs.length);
        for (int doc : docs) {
            String text = documents.get(doc).get(Fields.TEXT);
            cuts.add(text == null || text.isEmpty() ? Cut.NONE : cutText(text, wanted, sentences, aliases));
        }
        return cuts;
    }

    private Cut cutText(String text, Set<String> wanted, int maxSentences, boolean aliases) {
        BreakIterator bounds = (BreakIterator) sentences.clone();
        bounds.setText(text);
        List<Match> matches = matches(text, wanted, aliases);
        Passage[] chosen = matches.isEmpty()
                ? firstSentence(bounds)
                : best(matches, bounds, text.length(), maxSentences);
        return join(chosen, text);
    }

    /** Every token of the text that is a term of the question, in text order, with its count in the text. */
    private List<Match> matches(String text, Set<String> wanted, boolean aliases) {
        List<TextAnalysis.Token> found = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (TextAnalysis.Token token : analysis.tokens(text, aliases)) {
            if (wanted.contains(token.term())) {
                found.add(token);
                counts.merge(token.term(), 1, Integer::sum);
            }
        }
        Map<String, BytesRef> bytes = new HashMap<>();
        List<Match> matches = new ArrayList<>(found.size());
        for (TextAnalysis.Token token : found) {
            matches.add(new Match(token.start(), token.end(),
                    bytes.computeIfAbsent(token.term(), BytesRef::new), counts.get(token.term())));
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

    /** A cut text and where the question's words are in it. */
    record Cut(String text, List<Snippet.Highlight> highlights) {

        static final Cut NONE = new Cut("", List.of());

        /** The same cut with {@code prefix} before it, highlights shifted to match. */
        Cut prefixed(String prefix) {
            List<Snippet.Highlight> shifted = highlights.stream()
                    .map(h -> new Snippet.Highlight(h.start() + prefix.length(), h.end() + prefix.length()))
                    .toList();
            return new Cut(prefix + text, shifted);
        }
    }

    /**
     * A document's best sentences in text order, each stripped of surrounding white space, with where each match
     * lands in the joined text; overlapping matches make one highlight.
     */
    private static Cut join(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        List<Snippet.Highlight> highlights = new ArrayList<>();
        int previousEnd = -1;
        for (Passage passage : passages) {
            int start = passage.getStartOffset();
            int end = passage.getEndOffset();
            while (start < end && Character.isWhitespace(content.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
                end--;
            }
            if (start == end) {
                continue;
            }
            if (previousEnd >= 0) {
                boolean adjacent = content.substring(previousEnd, passage.getStartOffset()).isBlank();
                out.append(adjacent ? " " : GAP);
            }
            int shift = out.length() - start;
            out.append(content, start, end);
            mark(passage, start, end, shift, highlights);
            previousEnd = passage.getEndOffset();
        }
        return new Cut(out.toString(), List.copyOf(highlights));
    }

    /**
     * Adds the passage's matches, clipped to {@code start..end} and moved by {@code shift}. A name and its alias
     * match the same words ("Operation Serval" as one alias and as two words), so a match that starts inside the
     * previous one extends it.
     */
    private static void mark(Passage passage, int start, int end, int shift, List<Snippet.Highlight> highlights) {
        int first = highlights.size();
        for (int i = 0; i < passage.getNumMatches(); i++) {
            int from = Math.max(start, passage.getMatchStarts()[i]) + shift;
            int to = Math.min(end, passage.getMatchEnds()[i]) + shift;
            if (to <= from) {
                continue;
            }
            Snippet.Highlight last = highlights.size() > first ? highlights.get(highlights.size() - 1) : null;
            if (last != null && from < last.end()) {
                highlights.set(highlights.size() - 1, new Snippet.Highlight(last.start(), Math.max(last.end(), to)));
            } else {
                highlights.add(new Snippet.Highlight(from, to));
            }
        }
    }
}
