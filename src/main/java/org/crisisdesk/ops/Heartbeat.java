package org.crisisdesk.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small file the bot rewrites every few seconds: the Discord gateway's state as its first word ("connected",
 * "connecting", "reconnecting", "disconnected"), then when it was written. The container's HEALTHCHECK
 * ({@code docker/healthcheck.sh}) reads it with {@code sh} and {@code stat}: the file's age says whether the JVM
 * is still doing its work, its first word whether the bot is connected to Discord. That is what a health check of
 * a bot should ask, and it costs nothing, where the alternative, {@code crisisdesk health} in a second JVM every
 * 30 s, took about 2.4 s and 98 MB a run and never looked at the gateway. (An HTTP probe of {@code /healthz} would
 * need curl or wget, which neither the eclipse-temurin base nor a minimal Debian has, and the ops server is off
 * by default.)
 *
 * <p>Each write goes to a temporary file renamed over the old one, so a reader never sees half a line.
 */
public final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    /** docker/healthcheck.sh calls a heartbeat older than 60 s stale: six beats missed. */
    public static final Duration INTERVAL = Duration.ofSeconds(10);

    private final Path file;
    private final Path temporary;
    private final Supplier<String> state;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private boolean failing;

    private Heartbeat(Path file, Supplier<String> state, Clock clock, ScheduledExecutorService timer) {
        this.file = file;
        this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
        this.state = state;
        this.clock = clock;
        this.timer = timer;
    }

    /** Writes the first beat now, then one every {@code interval}, until {@link #close()}. */
    public static Heartbeat start(Path file, Supplier<String> state, Duration interval, Clock clock) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crisisdesk-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        Heartbeat heartbeat = new Heartbeat(file, state, clock, timer);
        timer.scheduleWithFixedDelay(heartbeat::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    public Path file() {
        return file;
    }

    /** One write; a failure is logged once (not every beat) and the health check then falls back to its JVM. */
    synchronized void beat() {
        try {
            String line = firstWord(state.get()) + " written=" + clock.instant() + "\n";
            Files.writeString(temporary, line, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (failing) {
                LOG.info("heartbeat file {} written again", file);
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.warn("cannot write the heartbeat file {} (the health check cannot see the gateway): {}", file,
                        e.toString());
                failing = true;
            }
        }
    }

    /** The state as one word, so the shell's {@code read state rest} gets it whole. */
    private static String firstWord(String state) {
        String word = state == null ? "" : state.strip().split("\\s+", 2)[0];
        return word.isEmpty() ? "unknown" : word;
    }

    /** Stops beating and removes the file: a bot that has stopped must not look connected. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                LOG.warn("cannot remove the heartbeat file {}: {}", file, e.toString());
            }
        }
    }
}
