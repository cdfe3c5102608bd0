package org.crisisdesk.discord;

import java.time.Duration;
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
