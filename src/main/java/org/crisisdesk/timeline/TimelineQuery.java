package org.crisisdesk.timeline;

import java.util.Optional;
import org.crisisdesk.knowledge.PartialDate;

/**
 * Which events to list: those overlapping [from, to] (each end taken at its own precision, so {@code to 2020}
 * means up to 31 December 2020), optionally on one topic, one page at a time.
 */
public record TimelineQuery(
        Optional<PartialDate> from,
        Optional<PartialDate> to,
        Optional<String> topic,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 10_000;

    public TimelineQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
        }
        topic = topic.map(String::strip).filter(t -> !t.isEmpty());
    }

    public static TimelineQuery all() {
        return new TimelineQuery(Optional.empty(), Optional.empty(), Optional.empty(), 0, MAX_LIMIT);
    }

    /** The same query, one page further. */
    public TimelineQuery page(int newOffset, int newLimit) {
        return new TimelineQuery(from, to, topic, newOffset, newLimit);
    }
}
