package org.crisisdesk.timeline;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.knowledge.PartialDate;

/** One event as the timeline shows it, with its own numbered citations. */
public record TimelineEvent(
        String id,
        PartialDate date,
        String text,
        List<String> topics,
        Optional<String> note,
        List<Citation> citations) {

    public TimelineEvent {
        topics = List.copyOf(topics);
        citations = List.copyOf(citations);
    }
}
