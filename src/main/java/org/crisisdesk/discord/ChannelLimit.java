package org.crisisdesk.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code perMinute} questions in any sliding minute per channel, besides the per-user {@link Cooldown}: a
 * busy channel cannot make the bot flood it or starve the engine. Zero turns the limit off.
 */
final class ChannelLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentMap<Long, Deque<Instant>> recent = new ConcurrentHashMap<>();

    ChannelLimit(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("a channel limit cannot be negative: " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    boolean enabled() {
        return perMinute > 0;
    }

    /** Empty when a question may be answered in {@code channelId} now (and it is counted); otherwise how long to wait. */
    Optional<Duration> tryAcquire(long channelId) {
        if (!enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant horizon = now.minus(WINDOW);
        Duration[] wait = new Duration[1];
        recent.compute(channelId, (id, times) -> {
            Deque<Instant> window = times == null ? new ArrayDeque<>() : times;
            while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
                window.pollFirst();
            }
            if (window.size() >= perMinute) {
                wait[0] = Duration.between(horizon, window.peekFirst());
            } else {
                window.addLast(now);
            }
            return window;
        });
        if (recent.size() > 10_000) {
            // Channels quiet for a minute no longer limit anything; dropping them bounds the map.
            for (Long id : recent.keySet()) {
                recent.computeIfPresent(id, (key, window) ->
                        window.isEmpty() || !window.peekLast().isAfter(horizon) ? null : window);
            }
        }
        return Optional.ofNullable(wait[0]);
    }
}
