package org.crisisdesk.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat file and the image's HEALTHCHECK script that reads it: the same file, read by the real
 * {@code docker/healthcheck.sh} under {@code sh}, so the two cannot drift apart.
 */
class HeartbeatTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A heartbeat that has written at least twice, with {@code state} as the gateway's. */
    private Heartbeat beating(Path file, AtomicReference<String> state) throws InterruptedException {
        CountDownLatch twice = new CountDownLatch(2);
        Heartbeat heartbeat = Heartbeat.start(file, () -> {
            twice.countDown();
            return state.get();
        }, Duration.ofMillis(20), CLOCK);
        assertTrue(twice.await(10, TimeUnit.SECONDS), "the heartbeat beats on its own");
        return heartbeat;
    }

    @Test
    void writesTheGatewayStateAsItsFirstWordAndRemovesTheFileWhenClosed() throws Exception {
        Path file = dir.resolve("heartbeat");
        AtomicReference<String> state = new AtomicReference<>("connecting");
        try (Heartbeat heartbeat = beating(file, state)) {
            heartbeat.beat();
            assertEquals("connecting written=2026-11-30T12:00:00Z\n", Files.readString(file));
            state.set("reconnecting now");
            heartbeat.beat();
            assertTrue(Files.readString(file).startsWith("reconnecting written="), "one word, whatever is given");
            state.set(null);
            heartbeat.beat();
            assertTrue(Files.readString(file).startsWith("unknown "));
            assertFalse(Files.exists(dir.resolve("heartbeat.tmp")), "written through a temporary file, renamed");
        }
        assertFalse(Files.exists(file), "a stopped bot does not look connected");
    }

    @Test
    void aFileThatCannotBeWrittenIsNotAnErrorForTheBot() throws Exception {
        Path file = dir.resolve("no-such-dir/heartbeat");
        try (Heartbeat heartbeat = beating(file, new AtomicReference<>("connected"))) {
            heartbeat.beat();
            assertFalse(Files.exists(file));
        }
    }

    @Test
    void theImagesHealthCheckReadsWhatTheHeartbeatWrites() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path script = Fixtures.repository().resolve("docker/healthcheck.sh");
        Path file = dir.resolve("heartbeat");
        AtomicReference<String> state = new AtomicReference<>("connected");
        try (Heartbeat heartbeat = beating(file, state)) {
            heartbeat.beat();
            assertEquals(0, healthCheck(script, file).exit(), "connected and fresh: healthy");

            state.set("reconnecting");
            heartbeat.beat();
            Result reconnecting = healthCheck(script, file);
            assertEquals(1, reconnecting.exit());
            assertEquals("unhealthy: gateway reconnecting\n", reconnecting.output());
        }
        // A bot that stopped beating: the file's age, not its content, decides.
        Files.writeString(file, "connected written=2026-11-30T12:00:00Z\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Result stale = healthCheck(script, file);
        assertEquals(1, stale.exit());
        assertTrue(stale.output().startsWith("unhealthy: the bot's heartbeat is 30"), stale.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result healthCheck(Path script, Path heartbeat) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true);
        builder.environment().put("CRISISDESK_HEARTBEAT_FILE", heartbeat.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the health check finished");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
