package org.crisisdesk.discord;

import static org.crisisdesk.discord.standin.StandInDiscord.APP_ID;
import static org.crisisdesk.discord.standin.StandInDiscord.GUILD_ID;
import static org.crisisdesk.discord.standin.StandInDiscord.MEMBER_USER;
import static org.crisisdesk.discord.standin.StandInDiscord.member;
import static org.crisisdesk.discord.standin.StandInDiscord.option;
import static org.crisisdesk.discord.standin.StandInDiscord.token;
import static org.crisisdesk.discord.standin.StandInDiscord.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.discord.standin.Recorded;
import org.crisisdesk.discord.standin.StandInDiscord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bot as a process of its own, configured by environment variables like in production and pointed at the
 * stand-in: SIGTERM for real ({@link Process#destroy()}) while an answer is in flight, and one shard of several.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BotProcessTest {

    private static final String TOKEN = "stand-in-token.child-never-logged";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path dir;
    private StandInDiscord discord;
    private Process child;
    private Path output;
    private ServerSocket release;

    @BeforeEach
    void standIn() throws Exception {
        dir = Files.createTempDirectory("crisisdesk-process");
        discord = new StandInDiscord(dir, TOKEN);
        output = dir.resolve("child.log");
        release = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        release.setSoTimeout((int) WAIT.toMillis());
    }

    private void startChild(Map<String, String> environment, String... more) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, ChildBot.class.getName(), Integer.toString(discord.proxyPort()),
                dir.toString(), Integer.toString(release.getLocalPort()), more.length > 0 ? more[0] : "serve"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put(BotConfig.TOKEN, TOKEN);
        builder.environment().put(BotConfig.GUILD, Long.toString(GUILD_ID));
        builder.environment().put(BotConfig.COOLDOWN, "0");
        builder.environment().put(BotConfig.FEEDBACK_LOG, dir.resolve("feedback.jsonl").toString());
        builder.environment().putAll(environment);
        child = builder.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (child != null && child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            discord.close();
            release.close();
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private <T> T withChildOutput(java.util.concurrent.Callable<T> wait) throws Exception {
        try {
            return wait.call();
        } catch (AssertionError | java.io.IOException e) {
            throw new AssertionError(e.getMessage() + "\nchild output:\n" + childOutput(), e);
        }
    }

    private String childOutput() throws Exception {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "(no output)";
    }

    @Test
    void sigtermFinishesTheAnswerInFlightClosesTheGatewayAndExits() throws Exception {
        startChild(Map.of());
        discord.awaitRequest(r -> r.is("PUT", "/api/v10/applications/" + APP_ID + "/guilds/" + GUILD_ID
                + "/commands"), WAIT);
        long id = discord.slashCommand(member(user(MEMBER_USER, "reader", false)), "ask",
                option("question", ChildBot.HELD));
        try (Socket held = release.accept()) { // the question is on a worker, held
            JsonNode deferred = discord.awaitRequest(r -> r.is("POST", "/api/v10/interactions/" + id + "/"), WAIT)
                    .payload();
            assertEquals(5, deferred.path("type").asInt(), "the held answer was deferred: it is in flight");
            child.destroy(); // SIGTERM
            held.getOutputStream().write(7); // the work in flight may now finish
        }

        Recorded edit = discord.awaitRequest(r -> r.is("PATCH",
                "/api/v10/webhooks/" + APP_ID + "/" + token(id) + "/messages/@original"), WAIT);
        assertTrue(edit.payload().path("embeds").get(0).path("description").asText().contains("[1]"), edit.body());
        assertEquals(1000, discord.awaitClientClose(WAIT), "a normal close of the gateway");
        assertTrue(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "exited: " + childOutput());
        String log = childOutput();
        assertTrue(log.contains("stopping") && log.contains("letting 1 answer(s) in flight finish")
                && log.contains("disconnected from Discord"), log);
        assertTrue(log.contains("released: 7"), log);
        assertTrue(log.indexOf("released: 7") < log.indexOf("disconnected from Discord"), log);
        assertTrue(!log.contains(TOKEN), "the token is never logged");
    }

    @Test
    void aProcessRunsItsOwnShardLeavesCommandsToShardZeroAndLimitsAChannel() throws Exception {
        // Discord sends a server's events on shard (server id >> 22) % shards: the stand-in's server is on shard 1 of 3.
        assertEquals(1, (GUILD_ID >> 22) % 3);
        startChild(Map.of(BotConfig.SHARDS, "3", BotConfig.SHARD_ID, "1", BotConfig.CHANNEL_LIMIT, "1"),
                "signal-when-serving");
        JsonNode identify = discord.awaitIdentify(WAIT);
        assertEquals("[1,3]", identify.path("shard").toString(), identify.toString());
        try (Socket serving = withChildOutput(release::accept)) {
            assertEquals('S', serving.getInputStream().read());
        }
        long id = discord.slashCommand(member(user(MEMBER_USER, "reader", false)), "sources");
        JsonNode answer = withChildOutput(() -> discord.awaitRequest(r -> r.is("POST",
                "/api/v10/interactions/" + id + "/"), WAIT)).payload();
        assertEquals(4, answer.path("type").asInt(), answer.toString());

        // One question a minute in this channel: the second is refused kindly, and only its asker sees that.
        long first = discord.slashCommand(member(user(MEMBER_USER, "reader", false)), "ask",
                option("question", "what happened to minusma?"));
        JsonNode answered = discord.awaitRequest(r -> r.is("POST", "/api/v10/interactions/" + first + "/"), WAIT)
                .payload();
        assertTrue(answered.path("data").path("embeds").size() > 0, answered.toString());
        long second = discord.slashCommand(member(user(MEMBER_USER, "reader", false)), "ask",
                option("question", "what happened to minusma?"));
        JsonNode refused = discord.awaitRequest(r -> r.is("POST", "/api/v10/interactions/" + second + "/"), WAIT)
                .payload();
        assertEquals(64, refused.path("data").path("flags").asInt() & 64, refused.toString());
        assertTrue(refused.path("data").path("content").asText().startsWith("This channel has had a lot of questions"),
                refused.toString());
        child.destroy();
        assertTrue(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "exited: " + childOutput());
        assertTrue(discord.requests(r -> r.path().endsWith("/commands")).isEmpty(), "shard 0 registers commands");
        String log = childOutput();
        assertTrue(log.contains("shard 2 of 3"), log);
    }
}
