package org.crisisdesk.answer;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.knowledge.PartialDate;

/**
 * A sentence or two cut from one passage or event, with the numbers of the citations that back it.
 * {@code highlights} are [start, end) character ranges of {@code text} that matched the question; {@code title}
 * is the passage's title (events have none), which a front end shows so that a sentence cut from the middle of a
 * passage ("he was elected…") still says what it is about.
 */
public record Snippet(
        String text,
        Optional<String> title,
        List<Integer> citations,
        String id,
        Kind kind,
        Optional<PartialDate> date,
        List<Highlight> highlights) {

    public enum Kind {
        PASSAGE, EVENT;

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
    }
}
