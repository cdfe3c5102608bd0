package org.crisisdesk.timeline;

import java.util.List;

/** A page of events in date order and how many match in all. */
public record TimelinePage(List<TimelineEvent> events, int total, int offset) {

    public TimelinePage {
        events = List.copyOf(events);
    }

    public boolean hasMore() {
        return offset + events.size() < total;
    }
}
