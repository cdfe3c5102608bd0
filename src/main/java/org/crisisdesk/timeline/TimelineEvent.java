package org.crisisdesk.timeline;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;

/**
 * One event as the timeline shows it, with its own numbered citations; {@code textFr} and {@code noteFr} are the
 * curators' French, when written.
 */
public record TimelineEvent(
        String id,
        PartialDate date,
        String text,
        List<String> topics,
        Optional<String> note,
        List<Citation> citations,
        Optional<String> textFr,
        Optional<String> noteFr) {

    public TimelineEvent {
        topics = List.copyOf(topics);
        citations = List.copyOf(citations);
    }

    public TimelineEvent(String id, PartialDate date, String text, List<String> topics, Optional<String> note,
            List<Citation> citations) {
        this(id, date, text, topics, note, citations, Optional.empty(), Optional.empty());
    }

    /** The text in {@code language}, English when there is no French. */
    public String text(Language language) {
        return language == Language.FR ? textFr.orElse(text) : text;
    }

    /** The note in {@code language}, English when there is no French. */
    public Optional<String> note(Language language) {
        return language == Language.FR && noteFr.isPresent() ? noteFr : note;
    }
}
