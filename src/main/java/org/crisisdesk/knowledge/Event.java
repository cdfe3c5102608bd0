package org.crisisdesk.knowledge;

import java.util.List;
import java.util.Optional;

/** One dated fact in one sentence: what {@code /timeline} lists. */
public record Event(
        String id,
        PartialDate date,
        String text,
        List<String> topics,
        List<String> sources,
        Optional<String> note,
        Origin origin) {

    public Event {
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
    }
}
