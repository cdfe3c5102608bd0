package org.crisisdesk.answer;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.knowledge.PartialDate;

/**
 * A sentence or two from one passage or event, the answering sentence first, with the numbers of the citations
 * that back those sentences (not the rest of the passage). {@code highlights} are [start, end) character ranges of
 * {@code text} that matched the question; {@code answer} those that are the answer itself (the name, the date, the
 * number asked for); {@code title} is the passage's title (events have none).
 *
 * @param note        what sources dispute in the sentences shown, if anything
 * @param unconfirmed the sentence is a report no first-tier source confirms; front ends say so
 * @param asOf        a present-tense passage's as-of date
 * @param items       for a list, its dated items in order (each an event snippet)
 */
public record Snippet(
        String text,
        Optional<String> title,
        List<Integer> citations,
        String id,
        Kind kind,
        Optional<PartialDate> date,
        List<Highlight> highlights,
        List<Highlight> answer,
        Optional<String> note,
        boolean unconfirmed,
        Optional<PartialDate> asOf,
        List<Snippet> items) {

    public enum Kind {
        PASSAGE, EVENT, LIST;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A matched stretch of the snippet's text. */
    public record Highlight(int start, int end) {
    }

    public Snippet {
        citations = List.copyOf(citations);
        highlights = List.copyOf(highlights);
        answer = List.copyOf(answer);
        items = List.copyOf(items);
    }

    /** A snippet as built before answer spans, notes and lists. */
    public Snippet(String text, Optional<String> title, List<Integer> citations, String id, Kind kind,
            Optional<PartialDate> date, List<Highlight> highlights) {
        this(text, title, citations, id, kind, date, highlights, List.of(), Optional.empty(), false,
                Optional.empty(), List.of());
    }

    /** The text with its note, as one string: what plain-text front ends and {@code ask --json}'s text show. */
    public String textWithNote() {
        return note.map(n -> text + " Note: " + n).orElse(text);
    }
}
