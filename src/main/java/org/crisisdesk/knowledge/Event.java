package org.crisisdesk.knowledge;

import java.util.List;
import java.util.Optional;

/** One dated fact in one sentence, in English and French: what {@code /timeline} lists. */
public record Event(
        String id,
        PartialDate date,
        String text,
        Optional<String> textFr,
        List<String> topics,
        List<String> sources,
        Optional<String> note,
        Optional<String> noteFr,
        boolean unconfirmed,
        Optional<String> firstTierMissing,
        Origin origin) {

    public Event {
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
    }

    /** The text in {@code language}, English when there is no French. */
    public String text(String language) {
        return "fr".equals(language) ? textFr.orElse(text) : text;
    }

    /** The note in {@code language}, English when there is no French. */
    public Optional<String> note(String language) {
        return "fr".equals(language) && noteFr.isPresent() ? noteFr : note;
    }
}
