package org.crisisdesk.discord;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Replies being worked on or sent, so shutdown can let them finish before it disconnects; once draining starts, new
 * work is refused (the caller says "restarting" instead).
 */
final class InFlight {

    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    boolean accepting() {
        return !draining;
    }

    /**
     * Starts a piece of work: a future to complete when it is done (replied or failed), or empty when shutdown has
     * begun and the work should be refused. Tracked before the check, so {@link #drain} either waits for it or it
     * is refused: nothing slips in between.
     */
    Optional<CompletableFuture<Void>> begin() {
        CompletableFuture<Void> done = track(new CompletableFuture<>());
        if (draining) {
            done.complete(null);
            return Optional.empty();
        }
        return Optional.of(done);
    }

    /** Counts {@code work} as in flight until it completes, however it completes. */
    <T> CompletableFuture<T> track(CompletableFuture<T> work) {
        pending.add(work);
        work.whenComplete((result, error) -> pending.remove(work));
        return work;
    }

    int size() {
        return pending.size();
    }

    /** Refuses new work and waits up to {@code timeout} for what is in flight; false when some did not finish. */
    boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // finished, if badly: each failure was logged where it happened
        } catch (TimeoutException e) {
            return false;
        }
    }
}
