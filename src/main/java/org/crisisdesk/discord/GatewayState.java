package org.crisisdesk.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each shard's gateway connection stands, fed by Javacord's connection listeners, summed up for /metrics as
 * the least healthy shard's state.
 */
final class GatewayState {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayState.class);
    private static final int HISTORY = 100;

    /** From healthiest to least healthy. */
    enum State {
        CONNECTED, CONNECTING, RECONNECTING, DISCONNECTED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Integer, State> shards = new TreeMap<>();
    private final List<String> history = new ArrayList<>();

    synchronized void set(int shard, State state) {
        State previous = shards.put(shard, state);
        if (previous != state) {
            LOG.info("gateway shard {}: {}", shard, state.label());
            history.add(shard + ":" + state.label());
            if (history.size() > HISTORY) {
                history.remove(0);
            }
            notifyAll();
        }
    }

    /** "connecting" before any shard has logged in; otherwise the least healthy shard's state. */
    synchronized String summary() {
        return shards.values().stream().max(Enum::compareTo).orElse(State.CONNECTING).label();
    }

    /** The last transitions, oldest first, as "shard:state". */
    synchronized List<String> history() {
        return List.copyOf(history);
    }

    /** Waits until {@code shard} has entered {@code state} at least {@code times} times; false on timeout. */
    synchronized boolean awaitEntered(int shard, State state, int times, Duration timeout)
            throws InterruptedException {
        String entry = shard + ":" + state.label();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (history.stream().filter(entry::equals).count() < times) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
