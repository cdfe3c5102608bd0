package org.crisisdesk.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A per-user pause between questions, so one person cannot flood a channel or the engine. */
final class Cooldown {

    private final Duration pause;
    private final Clock clock;
    private final ConcurrentMap<Long, Instant> last = new ConcurrentHashMap<>();

    Cooldown(Duration pause, Clock clock) {
        this.pause = pause;
        this.clock = clock;
    }

    boolean enabled() {
        return !pause.isZero();
    }

    /** Empty when the user may ask now (and the clock starts again); otherwise how long to wait. */
    Optional<Duration> tryAcquire(long userId) {
        if (!enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant[] blockedUntil = new Instant[1];
        last.compute(userId, (id, previous) -> {
            if (previous != null && previous.plus(pause).isAfter(now)) {
                blockedUntil[0] = previous.plus(pause);
                return previous;
            }
            return now;
        });
        if (last.size() > 10_000) {
            // Old entries no longer block anyone; dropping them keeps the map from growing without bound.
            last.values().removeIf(at -> !at.plus(pause).isAfter(now));
        }
        return blockedUntil[0] == null ? Optional.empty() : Optional.of(Duration.between(now, blockedUntil[0]));
    }
}
