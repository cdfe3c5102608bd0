package org.crisisdesk.discord;

import static org.crisisdesk.discord.standin.StandInDiscord.ADMIN_ROLE;
import static org.crisisdesk.discord.standin.StandInDiscord.ADMIN_USER;
import static org.crisisdesk.discord.standin.StandInDiscord.APP_ID;
import static org.crisisdesk.discord.standin.StandInDiscord.BOT_ID;
import static org.crisisdesk.discord.standin.StandInDiscord.GENERAL_CHANNEL;
import static org.crisisdesk.discord.standin.StandInDiscord.GUILD_ID;
import static org.crisisdesk.discord.standin.StandInDiscord.MEMBER_USER;
import static org.crisisdesk.discord.standin.StandInDiscord.OTHER_BOT;
import static org.crisisdesk.discord.standin.StandInDiscord.QUESTION_CHANNEL;
import static org.crisisdesk.discord.standin.StandInDiscord.focused;
import static org.crisisdesk.discord.standin.StandInDiscord.member;
import static org.crisisdesk.discord.standin.StandInDiscord.option;
import static org.crisisdesk.discord.standin.StandInDiscord.token;
import static org.crisisdesk.discord.standin.StandInDiscord.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.discord.standin.Recorded;
import org.crisisdesk.discord.standin.StandInDiscord;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The real Javacord 3.8.0 client, driven end to end against a stand-in Discord on 127.0.0.1. One login serves the
 * whole class: Javacord caches the gateway URL in a static field, so a second stand-in in the same JVM would not be
 * reached. Every wait has a timeout; nothing sleeps to synchronise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscordBotEndToEndTest {

    private static final String TOKEN = "stand-in-token.Zq9-never-logged";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ANSWERED = "which resolution ended minusma's mandate?";

    private Path dir;
    private Path knowledge;
    private Path feedback;
    private Engine engine;
    private StandInDiscord discord;
    private Bot bot;
    private final AwaitingAppender logs = new AwaitingAppender();

    /** Captured log lines, and a way to wait (with a timeout) for one that is logged asynchronously. */
    private static final class AwaitingAppender extends ListAppender<ILoggingEvent> {

        @Override
        protected synchronized void append(ILoggingEvent event) {
            super.append(event);
            notifyAll();
        }

        synchronized long count(String fragment) {
            return list.stream().filter(e -> e.getFormattedMessage().contains(fragment)).count();
        }

        synchronized void await(String fragment, long atLeast, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count(fragment) < atLeast) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("not logged within " + timeout + ": " + fragment);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
    /**
     * The bot's clock: six seconds pass at every reading, so the five-second pause between one person's questions
     * never holds up the tests that ask one after another; a test freezes it to see the pause, or jumps it past a
     * conversation's time. Tests in this class run one at a time.
     */
    private static final class SteppingClock extends Clock {
        volatile Duration step = Duration.ofSeconds(6);
        private Instant now = Instant.parse("2026-11-30T12:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }

        synchronized void jump(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final SteppingClock clock = new SteppingClock();
    private volatile CountDownLatch reindexGate;
    private volatile Duration inlineBudget = Bot.INLINE_BUDGET;
    private final CountDownLatch reindexStarted = new CountDownLatch(1);
    private static final String SLOW = "which resolution ended the mandate of minusma?";
    private volatile CountDownLatch slowGate;

    /** The slow engine: {@link #SLOW} is held on the worker until the test opens {@link #slowGate}. */
    private void holdIfSlow(String question) {
        CountDownLatch gate = slowGate;
        if (gate != null && question.equals(SLOW)) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @BeforeAll
    void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        // Javacord's most talkative level, captured here only, so "the token is never logged" is not vacuous.
        Logger javacord = (Logger) LoggerFactory.getLogger("org.javacord");
        javacord.setLevel(ch.qos.logback.classic.Level.TRACE);
        javacord.setAdditive(false);
        javacord.addAppender(logs);
        dir = Files.createTempDirectory("crisisdesk-discord");
        EngineConfig config = Fixtures.config(dir);
        knowledge = config.knowledge();
        // Eight events, so the timeline has a second page.
        Files.writeString(knowledge.resolve("events/more.yaml"), """
                events:
                  - id: 2012-01-17-rebellion
                    date: 2012-01-17
                    en: Tuareg rebels attack Ménaka, starting the 2012 rebellion.
                    fr: Des rebelles touareg attaquent Ménaka, ce qui déclenche la rébellion de 2012.
                    topics: [2012 rebellion]
                    sources: [un-news-2013-minusma]
                  - id: 2012-03-22-coup
                    date: 2012-03-22
                    en: Soldiers overthrow President Touré in Bamako.
                    fr: Des soldats renversent le président Touré à Bamako.
                    topics: [2012 coup]
                    sources: [un-news-2013-minusma]
                  - id: 2015-06-20-algiers
                    date: 2015-06-20
                    en: The Algiers peace agreement is signed in Bamako.
                    fr: L'accord de paix d'Alger est signé à Bamako.
                    topics: [peace process]
                    sources: [un-news-2013-minusma]
                  - id: 2021-05-24-second-coup
                    date: 2021-05-24
                    en: The transitional president and prime minister are detained by soldiers.
                    fr: Le président et le Premier ministre de la transition sont arrêtés par des soldats.
                    topics: [2021 coup]
                    sources: [ripples-goita-2020]
                """ + filler());
        engine = Engine.open(config, ProgressListener.NONE);
        feedback = dir.resolve("data/feedback.jsonl");
        discord = new StandInDiscord(dir, TOKEN);
        BotConfig botConfig = new BotConfig(TOKEN, Optional.of(GUILD_ID), Set.of(ADMIN_ROLE),
                Optional.of(QUESTION_CHANNEL), Duration.ofSeconds(5), feedback, 1, Optional.empty(), 0);
        ProgressListener progress = (phase, done, total) -> {
            reindexStarted.countDown();
            CountDownLatch gate = reindexGate;
            if (gate != null) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", discord.proxyPort()));
        bot = Bot.start(botConfig, engine, new Bot.Options(clock, progress,
                builder -> builder.setProxy(proxy).setTrustAllCertificates(true), Duration.ofSeconds(30),
                () -> inlineBudget, this::holdIfSlow));
    }

    /** Twelve more dated events, so that a timeline of ten a page has a second page of ten. */
    private static String filler() {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            out.append(String.format("""
                      - id: 2016-%02d-report
                        date: 2016-%02d-10
                        en: The UN reports on the security situation in northern Mali (report %d).
                        fr: Un rapport fait le point sur la situation sécuritaire dans le nord du Mali (rapport %d).
                        topics: [UN reports]
                        sources: [un-news-2013-minusma]
                    """, i, i, i, i));
        }
        return out.toString();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (bot != null) {
                bot.close();
            }
        } finally {
            if (discord != null) {
                discord.close();
            }
            if (engine != null) {
                engine.close();
            }
            if (dir != null) {
                try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
            Logger javacord = (Logger) LoggerFactory.getLogger("org.javacord");
            javacord.detachAppender(logs);
            javacord.setLevel(null);
            javacord.setAdditive(true);
        }
        List<ILoggingEvent> events = new ArrayList<>(logs.list);
        assertTrue(events.stream().anyMatch(e -> e.getLoggerName().startsWith("org.javacord")
                && e.getFormattedMessage().contains("\"token\":\"Bot ***")), "Javacord's trace reached Logback");
        for (ILoggingEvent event : events) {
            assertFalse(event.getFormattedMessage().contains(TOKEN), "the token is never logged: "
                    + event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                assertFalse(event.getThrowableProxy().getMessage() != null
                        && event.getThrowableProxy().getMessage().contains(TOKEN));
            }
        }
    }

    private static ObjectNode plainMember() {
        return member(user(MEMBER_USER, "reader", false));
    }

    private static ObjectNode adminMember() {
        return member(user(ADMIN_USER, "curator", false), ADMIN_ROLE);
    }

    /** The interaction callback the bot sent for {@code interaction}. */
    private JsonNode callback(long interaction) throws Exception {
        return discord.awaitRequest(r -> r.is("POST", "/api/v10/interactions/" + interaction + "/"), WAIT).payload();
    }

    /** A /timeline's reply, as the edit of its deferred response carries it, under "data" like a callback's. */
    private JsonNode timeline(String locale, ObjectNode... options) throws Exception {
        long id = discord.slashCommand(locale, plainMember(), "timeline", options);
        assertEquals(5, callback(id).path("type").asInt());
        Recorded edit = discord.awaitRequest(r -> r.is("PATCH",
                "/api/v10/webhooks/" + APP_ID + "/" + token(id) + "/messages/@original"), WAIT);
        return JSON.createObjectNode().set("data", edit.payload());
    }

    private static void assertPingsNoOne(JsonNode body) {
        JsonNode mentions = body.path("allowed_mentions");
        assertTrue(mentions.isObject(), "allowed_mentions is set: " + body);
        assertEquals(0, mentions.path("parse").size(), body.toString());
        assertEquals(0, mentions.path("users").size(), body.toString());
        assertEquals(0, mentions.path("roles").size(), body.toString());
        assertFalse(mentions.path("replied_user").asBoolean(true), body.toString());
    }

    private static List<String> buttonIds(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.path("components").forEach(row -> row.path("components").forEach(b -> ids.add(b.path("custom_id")
                .asText())));
        return ids;
    }

    @Test
    void logsInAndRegistersTheCommandsOnTheDevelopmentServer() throws Exception {
        JsonNode identify = discord.awaitIdentify(WAIT);
        assertEquals("Bot " + TOKEN, identify.path("token").asText());
        assertTrue((identify.path("intents").asLong() & (1L << 15)) != 0, "message content for the question channel");
        Recorded put = discord.awaitRequest(r -> r.is("PUT",
                "/api/v10/applications/" + APP_ID + "/guilds/" + GUILD_ID + "/commands"), WAIT);
        JsonNode commands = put.payload();
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.path("name").asText()));
        assertEquals(Set.of("ask", "timeline", "sources", "reindex", "help"), Set.copyOf(names));
        for (JsonNode command : commands) {
            assertFalse(command.path("description").asText().isBlank());
            String name = command.path("name").asText();
            if (name.equals("ask")) {
                JsonNode question = command.path("options").get(0);
                assertEquals("question", question.path("name").asText());
                assertEquals(3, question.path("type").asInt());
                assertTrue(question.path("required").asBoolean());
                assertEquals(1000, question.path("max_length").asInt());
                JsonNode ephemeral = command.path("options").get(1);
                assertEquals("private", ephemeral.path("name").asText());
                assertEquals(5, ephemeral.path("type").asInt());
                assertFalse(ephemeral.path("required").asBoolean());
            } else if (name.equals("timeline")) {
                List<String> options = new ArrayList<>();
                command.path("options").forEach(o -> options.add(o.path("name").asText()));
                assertEquals(List.of("from", "to", "topic"), options);
                assertTrue(command.path("options").get(2).path("autocomplete").asBoolean());
            } else if (name.equals("reindex")) {
                assertEquals("32", command.path("default_member_permissions").asText(), "Manage Server");
                assertFalse(command.path("dm_permission").asBoolean(true));
            } else {
                assertTrue(command.path("default_member_permissions").isMissingNode()
                        || command.path("default_member_permissions").isNull(), command.toString());
            }
        }
        assertEquals(Optional.of("Bot " + TOKEN), put.header("Authorization"), "REST calls carry the bot token");
    }

    @Test
    void withoutVoiceCryptoOnTheClassPathTheBotStillServes() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.codahale.xsalsa20poly1305.SecretBox"));
    }

    @Test
    void askAnswersFirstWithShortSourceLinesAndVotesDisableAfterAVote() throws Exception {
        long id = discord.slashCommand(plainMember(), "ask", option("question", ANSWERED));
        JsonNode body = callback(id);
        assertEquals(4, body.path("type").asInt());
        JsonNode data = body.path("data");
        assertPingsNoOne(data);
        assertEquals(0, data.path("flags").asInt(0) & 64, "public by default");
        JsonNode embed = data.path("embeds").get(0);
        assertTrue(embed.path("description").asText().contains("[1]"), embed.toString());
        JsonNode sources = embed.path("fields").get(0);
        assertEquals("Sources", sources.path("name").asText());
        String[] lines = sources.path("value").asText().split("\n");
        assertTrue(lines.length <= 4, sources.toString());
        assertTrue(lines[0].matches("\\[1] \\[[^]]+]\\(https://[^)]+\\)"), "a masked link: " + lines[0]);
        assertTrue(embed.path("footer").path("text").asText().startsWith("Sources checked up to 31 December 2023"),
                embed.toString());
        assertFalse(embed.toString().contains("Confidence") || embed.toString().contains("%"), "no percentage");
        assertTrue(embed.toString().length() < 1500, "at a glance: " + embed.toString().length());
        List<String> buttons = buttonIds(data);
        assertTrue(buttons.stream().anyMatch(b -> b.startsWith("ask:up:")), buttons.toString());
        assertTrue(buttons.stream().anyMatch(b -> b.startsWith("ask:down:")), buttons.toString());

        String down = buttons.stream().filter(b -> b.startsWith("ask:down:")).findFirst().orElseThrow();
        JsonNode voted = callback(discord.button("en-US", plainMember(), down, data));
        assertEquals(7, voted.path("type").asInt(), "the vote changes the answer's buttons in place");
        assertPingsNoOne(voted.path("data"));
        JsonNode row = voted.path("data").path("components").get(0).path("components");
        List<JsonNode> votes = new ArrayList<>();
        row.forEach(b -> {
            if (b.path("custom_id").asText().matches("ask:(up|down):.*")) {
                votes.add(b);
            }
        });
        assertEquals(2, votes.size(), row.toString());
        votes.forEach(b -> assertTrue(b.path("disabled").asBoolean(), "disabled after a vote: " + b));
        assertTrue(votes.get(1).path("label").asText().contains("Thanks"), votes.toString());
        assertEquals(embed.path("description").asText(),
                voted.path("data").path("embeds").get(0).path("description").asText(), "the answer is unchanged");
        String log = Files.readString(feedback, StandardCharsets.UTF_8);
        assertTrue(log.contains("\"type\":\"vote\"") && log.contains("\"vote\":\"down\"")
                && log.contains("un-press-sc15341"), log);
        JsonNode again = callback(discord.button(plainMember(), down));
        assertTrue(again.path("data").path("content").asText().contains("already voted"), again.toString());
        assertEquals(log, Files.readString(feedback, StandardCharsets.UTF_8), "one vote per person and answer");
    }

    @Test
    void moreIsTheAskersAndShowsOthersTheirOwnCopyPrivately() throws Exception {
        JsonNode first = callback(discord.slashCommand(plainMember(), "ask", option("question",
                "what happened to minusma?")));
        JsonNode embed = first.path("data").path("embeds").get(0);
        String more = buttonIds(first.path("data")).stream().filter(b -> b.startsWith("ask:more:")).findFirst()
                .orElseThrow();
        JsonNode other = callback(discord.button("en-US", adminMember(), more, first.path("data")));
        assertEquals(4, other.path("type").asInt(), "someone else gets a new message…");
        assertEquals(64, other.path("data").path("flags").asInt() & 64, "…shown to them only");
        assertTrue(other.path("data").path("embeds").get(0).path("description").asText().length()
                > embed.path("description").asText().length());

        JsonNode second = callback(discord.button("en-US", plainMember(), more, first.path("data")));
        assertEquals(7, second.path("type").asInt(), "More updates the asker's answer in place");
        assertPingsNoOne(second.path("data"));
        JsonNode shown = second.path("data").path("embeds").get(0);
        String added = shown.path("description").asText().substring(embed.path("description").asText().length());
        assertFalse(added.isBlank(), shown.toString());
        assertFalse(embed.path("description").asText().contains(added.strip()), "new information, not a repeat");
        JsonNode expired = callback(discord.button(plainMember(), "ask:more:forgotten:2:1"));
        assertEquals(64, expired.path("data").path("flags").asInt() & 64);
        assertTrue(expired.path("data").path("content").asText().contains("ask again"), expired.toString());
    }

    @Test
    void aSlowAnswerIsDeferredAndThenEditedIn() throws Exception {
        inlineBudget = Duration.ZERO;
        try {
            long id = discord.slashCommand(plainMember(), "ask", option("question", ANSWERED), option("private", true));
            JsonNode deferred = callback(id);
            assertEquals(5, deferred.path("type").asInt());
            assertEquals(64, deferred.path("data").path("flags").asInt() & 64, "deferred as privately as asked");
            Recorded edit = discord.awaitRequest(r -> r.is("PATCH",
                    "/api/v10/webhooks/" + APP_ID + "/" + token(id) + "/messages/@original"), WAIT);
            assertTrue(edit.payload().path("embeds").get(0).path("description").asText().contains("[1]"),
                    edit.body());
            assertPingsNoOne(edit.payload());
            assertFalse(discord.requests(r -> r.path().contains("/interactions/" + id + "/")).stream()
                    .anyMatch(r -> r.header("Authorization").isPresent()), "callbacks carry no token");
        } finally {
            inlineBudget = Bot.INLINE_BUDGET;
        }
    }

    @Test
    void anUnknownButtonSaysItNoLongerWorks() throws Exception {
        JsonNode body = callback(discord.button(plainMember(), "something-from-an-older-version"));
        assertEquals(4, body.path("type").asInt());
        assertEquals(64, body.path("data").path("flags").asInt() & 64);
        assertTrue(body.path("data").path("content").asText().contains("no longer works"), body.toString());
    }

    @Test
    void askPrivatelyIsEphemeral() throws Exception {
        JsonNode body = callback(discord.slashCommand(plainMember(), "ask", option("question", ANSWERED),
                option("private", true)));
        assertEquals(64, body.path("data").path("flags").asInt() & 64);
        assertPingsNoOne(body.path("data"));
    }

    @Test
    void anAbstentionSaysSoOffersAnswerableQuestionsAndIsLoggedForCurators() throws Exception {
        JsonNode body = callback(discord.slashCommand(plainMember(), "ask", option("question",
                "how do I bake minusma bread?")));
        JsonNode embed = body.path("data").path("embeds").get(0);
        assertEquals("No sourced answer", embed.path("title").asText());
        assertPingsNoOne(body.path("data"));
        String log = Files.readString(feedback, StandardCharsets.UTF_8);
        assertTrue(log.contains("\"type\":\"unanswered\"") && log.contains("how do I bake minusma bread?"), log);
        List<String> offers = buttonIds(body.path("data"));
        assertFalse(offers.isEmpty(), "nearest topics offered: " + body);
        assertTrue(offers.stream().allMatch(b -> b.startsWith("ask:alt:")), offers.toString());
        for (String offer : offers) {
            JsonNode asked = callback(discord.button("en-US", adminMember(), offer, body.path("data")));
            assertEquals(64, asked.path("data").path("flags").asInt() & 64, "another reader's is private");
            assertTrue(asked.path("data").path("embeds").get(0).path("fields").size() > 0,
                    "every suggestion has an answer: " + asked);
        }
        JsonNode mine = callback(discord.button("en-US", plainMember(), offers.get(0), body.path("data")));
        assertEquals(7, mine.path("type").asInt(), "the asker's abstention becomes the answer");
        assertTrue(mine.path("data").path("embeds").get(0).path("description").asText().contains("[1]"),
                mine.toString());
    }

    @Test
    void everyoneAndRolePingsInAQuestionPingNoOneAndNeverReachTheEngine() throws Exception {
        JsonNode body = callback(discord.slashCommand(plainMember(), "ask", option("question",
                "@everyone <@&" + ADMIN_ROLE + "> `" + ANSWERED + "`")));
        JsonNode data = body.path("data");
        assertPingsNoOne(data);
        assertEquals(0, data.path("allowed_mentions").path("parse").size());
        JsonNode embed = data.path("embeds").get(0);
        assertTrue(embed.path("description").asText().contains("[1]"), "answered, not refused: " + embed);
        assertFalse(embed.toString().contains("@everyone"), embed.toString());
        assertFalse(embed.toString().contains("<@&"), embed.toString());
    }

    @Test
    void timelineIsOneLinePerEventTenAPageWithAPicture() throws Exception {
        long id = discord.slashCommand(plainMember(), "timeline");
        assertEquals(5, callback(id).path("type").asInt(), "deferred: Javacord uploads a picture only with an edit");
        Recorded sent = discord.awaitRequest(r -> r.is("PATCH",
                "/api/v10/webhooks/" + APP_ID + "/" + token(id) + "/messages/@original"), WAIT);
        ObjectNode first = JSON.createObjectNode().set("data", sent.payload());
        JsonNode embed = first.path("data").path("embeds").get(0);
        String[] lines = embed.path("description").asText().split("\n");
        assertEquals("**17 Jan 2012 – 2023 · 20 events**", lines[0]);
        assertTrue(lines[2].startsWith("**17 Jan 2012** — Tuareg rebels attack Ménaka"), lines[2]);
        assertEquals(10, java.util.Arrays.stream(lines).skip(1).filter(l -> l.matches("\\*\\*\\d.*")).count(),
                embed.toString());
        assertFalse(embed.toString().contains("un-news-2013-minusma"), "no ids");
        assertTrue(embed.path("description").asText().contains("**Sources**\n[1] ["), embed.toString());
        assertEquals("Events 1–10 of 20", embed.path("footer").path("text").asText());
        String image = embed.path("image").path("url").asText();
        assertTrue(image.startsWith("attachment://"), embed.toString());
        byte[] png = sent.files().get(image.substring("attachment://".length()));
        assertTrue(png != null && png.length > 1000, "the picture is uploaded with the reply: " + sent.files().keySet());
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(800, picture.getWidth());
        JsonNode row = first.path("data").path("components").get(0).path("components");
        assertTrue(row.get(0).path("disabled").asBoolean(), "no previous page on the first");
        assertFalse(row.get(1).path("disabled").asBoolean(false));
        assertPingsNoOne(first.path("data"));

        long click = discord.button("en-US", plainMember(), row.get(1).path("custom_id").asText(), first.path("data"));
        assertEquals(6, callback(click).path("type").asInt(), "a deferred update of the same message");
        Recorded turned = discord.awaitRequest(r -> r.is("PATCH",
                "/api/v10/webhooks/" + APP_ID + "/" + token(click) + "/messages/@original"), WAIT);
        JsonNode page2 = turned.payload().path("embeds").get(0);
        assertEquals("Events 11–20 of 20", page2.path("footer").path("text").asText(), page2.toString());
        assertFalse(turned.files().isEmpty(), "the picture marks the new page");
        JsonNode row2 = turned.payload().path("components").get(0).path("components");
        assertFalse(row2.get(0).path("disabled").asBoolean(false));
        assertTrue(row2.get(1).path("disabled").asBoolean());
    }

    @Test
    void timelineFiltersByTopicTakesWrittenDatesAndRejectsBadOnesPrivately() throws Exception {
        JsonNode minusma = timeline("en-US", option("topic", "MINUSMA"), option("from", "2013"));
        JsonNode embed = minusma.path("data").path("embeds").get(0);
        assertEquals("Timeline: MINUSMA", embed.path("title").asText());
        assertTrue(embed.path("description").asText().startsWith("**1 Jan 2013 – 2023 · 2 events**"),
                embed.toString());
        assertTrue(buttonIds(minusma.path("data")).isEmpty(), "one page needs no buttons");

        JsonNode march = timeline("en-US", option("from", "March 2012"), option("to", "mars 2012"));
        String text = march.path("data").path("embeds").get(0).path("description").asText();
        assertTrue(text.startsWith("**1 Mar 2012 – 31 Mar 2012 · 1 event**"), text);
        assertTrue(text.contains("Soldiers overthrow President Touré"), text);

        JsonNode bad = callback(discord.slashCommand(plainMember(), "timeline", option("from", "August")));
        assertEquals(4, bad.path("type").asInt());
        assertEquals(64, bad.path("data").path("flags").asInt() & 64);
        assertTrue(bad.path("data").path("content").asText().contains("March 2021"), bad.toString());
        assertPingsNoOne(bad.path("data"));
    }

    @Test
    void topicAutocompletesFromTheEngine() throws Exception {
        JsonNode body = callback(discord.autocomplete(plainMember(), "timeline", focused("topic", "minu")));
        assertEquals(8, body.path("type").asInt());
        JsonNode choices = body.path("data").path("choices");
        assertEquals(1, choices.size(), body.toString());
        assertEquals("MINUSMA", choices.get(0).path("value").asText());

        JsonNode all = callback(discord.autocomplete(plainMember(), "timeline", focused("topic", "")));
        assertTrue(all.path("data").path("choices").size() >= 5, all.toString());
        assertTrue(all.path("data").path("choices").size() <= 25);
    }

    @Test
    void sourcesArePrivateSearchableWithoutIdsAndHelpListsOnlyWhatTheUserMayRun() throws Exception {
        JsonNode sources = callback(discord.slashCommand(plainMember(), "sources"));
        assertEquals(64, sources.path("data").path("flags").asInt() & 64, "private");
        JsonNode embed = sources.path("data").path("embeds").get(0);
        String text = embed.path("description").asText();
        assertEquals(4, text.split("\n").length - 2, embed.toString());
        assertFalse(text.contains("un-news-2013-minusma"), "no ids: " + text);
        assertPingsNoOne(sources.path("data"));
        JsonNode searched = callback(discord.slashCommand(plainMember(), "sources", option("search", "MINUSMA")));
        assertEquals("Sources: MINUSMA", searched.path("data").path("embeds").get(0).path("title").asText());
        JsonNode choices = callback(discord.autocomplete(plainMember(), "sources", focused("search", "un")));
        assertTrue(choices.path("data").path("choices").size() > 0, choices.toString());

        JsonNode help = callback(discord.slashCommand(plainMember(), "help"));
        String helpText = help.path("data").path("embeds").get(0).path("description").asText();
        assertTrue(helpText.contains("/timeline") && helpText.contains("> Who leads Mali?"), helpText);
        assertTrue(helpText.contains("31 December 2023"), "the as-of date: " + helpText);
        assertFalse(helpText.contains("/reindex"), "a member may not run it");
        assertEquals(64, help.path("data").path("flags").asInt() & 64);
        JsonNode adminHelp = callback(discord.slashCommand(adminMember(), "help"));
        assertTrue(adminHelp.path("data").path("embeds").get(0).path("description").asText().contains("/reindex"));
    }

    @Test
    void reindexIsRefusedToNonAdmins() throws Exception {
        JsonNode body = callback(discord.slashCommand(plainMember(), "reindex"));
        assertEquals(4, body.path("type").asInt());
        assertEquals(64, body.path("data").path("flags").asInt() & 64);
        assertTrue(body.path("data").path("content").asText().contains("Only crisisdesk admins"), body.toString());
    }

    @Test
    void reindexByAnAdminSwapsTheIndexWhileQuestionsAreAnswered() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        reindexGate = gate;
        long reindex;
        try {
            reindex = discord.slashCommand(adminMember(), "reindex");
            JsonNode deferred = callback(reindex);
            assertEquals(5, deferred.path("type").asInt(), "deferred: a rebuild may outlast 3 seconds");
            assertEquals(64, deferred.path("data").path("flags").asInt() & 64);
            assertTrue(reindexStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            // The rebuild is held mid-way; questions are still answered from the generation in service.
            JsonNode answer = callback(discord.slashCommand(plainMember(), "ask", option("question", ANSWERED)));
            assertEquals(4, answer.path("type").asInt());
            assertTrue(answer.path("data").path("embeds").get(0).path("fields").size() > 0, answer.toString());
        } finally {
            reindexGate = null;
            gate.countDown();
        }
        Recorded done = discord.awaitRequest(r -> r.is("PATCH",
                "/api/v10/webhooks/" + APP_ID + "/" + token(reindex) + "/messages/@original"), WAIT);
        JsonNode embed = done.payload().path("embeds").get(0);
        assertEquals("Index rebuilt", embed.path("title").asText(), done.body());
        assertTrue(embed.path("description").asText().contains("gen-0000"), embed.toString());
        assertTrue(embed.path("description").asText().contains("passages"), embed.toString());
        assertTrue(embed.path("description").asText().contains(" ms"), embed.toString());
        assertPingsNoOne(done.payload());

        Files.writeString(knowledge.resolve("events/broken.yaml"), "events:\n  - id: e-bad\n    date: 2020-02-31\n"
                + "    en: A date that never was.\n    sources: [nobody]\n");
        try {
            long refused = discord.slashCommand(adminMember(), "reindex");
            Recorded problems = discord.awaitRequest(r -> r.is("PATCH",
                    "/api/v10/webhooks/" + APP_ID + "/" + token(refused) + "/messages/@original"), WAIT);
            JsonNode refusal = problems.payload().path("embeds").get(0);
            assertEquals("Reindex refused", refusal.path("title").asText());
            assertTrue(refusal.path("description").asText().contains("broken.yaml:3:"), refusal.toString());
            JsonNode still = callback(discord.slashCommand(plainMember(), "ask", option("question", ANSWERED)));
            assertTrue(still.path("data").path("embeds").get(0).path("fields").size() > 0, "the old index serves");
        } finally {
            Files.delete(knowledge.resolve("events/broken.yaml"));
        }
    }

    @Test
    void aMentionIsAnsweredInAReplyEvenAfterARateLimit() throws Exception {
        long message = discord.nextId();
        discord.rateLimitNext(r -> r.is("POST", "/api/v10/channels/" + GENERAL_CHANNEL + "/messages")
                && r.payload().path("message_reference").path("message_id").asText().equals(Long.toString(message)),
                1, 0.2);
        discord.postMessage(message, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "<@" + BOT_ID + "> " + ANSWERED, List.of(BOT_ID));
        Recorded reply = discord.awaitRequest(r -> r.is("POST", "/api/v10/channels/" + GENERAL_CHANNEL + "/messages")
                && r.payload().path("message_reference").path("message_id").asText().equals(Long.toString(message)),
                WAIT);
        assertPingsNoOne(reply.payload());
        assertTrue(reply.payload().path("embeds").get(0).path("fields").size() > 0, reply.body());
        List<Recorded> attempts = discord.requests(r -> r.is("POST", "/api/v10/channels/" + GENERAL_CHANNEL
                + "/messages") && r.body().contains(Long.toString(message)));
        assertEquals(List.of(429, 200), attempts.stream().map(Recorded::status).toList(), "retried after the 429");
    }

    @Test
    void theQuestionChannelAnswersQuestionsAndEverythingElseIsIgnored() throws Exception {
        long chat = discord.nextId();
        discord.postMessage(chat, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "anyone read about minusma today?", List.of());
        long statement = discord.nextId();
        discord.postMessage(statement, QUESTION_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "MINUSMA left in 2023.", List.of());
        long fromBot = discord.nextId();
        discord.postMessage(fromBot, QUESTION_CHANNEL, user(OTHER_BOT, "otherbot", true), null,
                "<@" + BOT_ID + "> " + ANSWERED, List.of(BOT_ID));
        long question = discord.nextId();
        discord.postMessage(question, QUESTION_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                ANSWERED, List.of());
        Recorded reply = discord.awaitRequest(r -> r.is("POST", "/api/v10/channels/" + QUESTION_CHANNEL + "/messages")
                && r.body().contains(Long.toString(question)), WAIT);
        assertPingsNoOne(reply.payload());
        // Events on one server are handled in order, so the earlier messages were handled before this reply.
        for (long ignored : List.of(chat, statement, fromBot)) {
            assertTrue(discord.requests(r -> r.body().contains(Long.toString(ignored))).isEmpty(),
                    "message " + ignored + " is ignored");
        }
    }

    // ---------------------------------------------------------------- conversations, mentions, French

    /** The bot's answer to a mention, as the channel shows it (a message with its embeds and buttons). */
    private ObjectNode answerToMention(String question) throws Exception {
        long message = discord.nextId();
        discord.postMessage(message, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "<@" + BOT_ID + "> " + question, List.of(BOT_ID));
        Recorded reply = awaitReplyTo(GENERAL_CHANNEL, message);
        return discord.storeBotMessage(discord.nextId(), GENERAL_CHANNEL, reply.payload());
    }

    private Recorded awaitReplyTo(long channel, long message) throws Exception {
        return discord.awaitRequest(r -> r.is("POST", "/api/v10/channels/" + channel + "/messages")
                && r.payload().path("message_reference").path("message_id").asText().equals(Long.toString(message)),
                WAIT);
    }

    private static String description(Recorded reply) {
        return reply.payload().path("embeds").get(0).path("description").asText();
    }

    @Test
    void aReplyToAnAnswerIsAskedInItsContextForALimitedTime() throws Exception {
        ObjectNode answer = answerToMention("what is minusma?");
        long followUp = discord.nextId();
        discord.postReply(followUp, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "when did it start?", List.of(BOT_ID), answer);
        Recorded reply = awaitReplyTo(GENERAL_CHANNEL, followUp);
        assertPingsNoOne(reply.payload());
        assertTrue(description(reply).contains("Read as:"), "read in the answer's context: " + description(reply));
        assertTrue(description(reply).contains("1 July 2013"), description(reply));

        long alone = discord.nextId();
        discord.postMessage(alone, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "<@" + BOT_ID + "> when did it start?", List.of(BOT_ID));
        assertTrue(description(awaitReplyTo(GENERAL_CHANNEL, alone)).contains("What does"), "no context, no guess");

        clock.jump(Questions.CONVERSATION.plusMinutes(1));
        long late = discord.nextId();
        discord.postReply(late, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "when did it start?", List.of(BOT_ID), answer);
        assertFalse(description(awaitReplyTo(GENERAL_CHANNEL, late)).contains("Read as:"), "the conversation is over");
    }

    @Test
    void aThreadStartedFromAnAnswerContinuesItAndRepliesStayInTheThread() throws Exception {
        ObjectNode answer = answerToMention("what is minusma?");
        long thread = answer.path("id").asLong();
        discord.createThread(thread, GENERAL_CHANNEL, "minusma");
        long chat = discord.nextId();
        discord.postMessage(chat, thread, user(MEMBER_USER, "reader", false), plainMember(), "interesting", List.of());
        long question = discord.nextId();
        discord.postMessage(question, thread, user(MEMBER_USER, "reader", false), plainMember(), "when did it start?",
                List.of());
        Recorded reply = awaitReplyTo(thread, question);
        assertTrue(description(reply).contains("Read as:"), description(reply));
        assertPingsNoOne(reply.payload());
        assertTrue(discord.requests(r -> r.body().contains(Long.toString(chat))).isEmpty(), "chat is not a question");
        assertEquals(1, discord.requests(r -> r.is("GET", "/api/v10/channels/" + GENERAL_CHANNEL + "/messages/"
                + thread)).size(), "the thread's starter is looked up once");
    }

    @Test
    void mentionsAndMarkupNeverReachTheEngineAndAPauseIsAReactionNotAMessage() throws Exception {
        clock.step = Duration.ZERO;
        try {
            long first = discord.nextId();
            discord.postMessage(first, GENERAL_CHANNEL, user(ADMIN_USER, "curator", false), adminMember(),
                    "<@" + BOT_ID + "> @everyone **" + ANSWERED + "** <@&" + ADMIN_ROLE + "> <:flag:123>",
                    List.of(BOT_ID));
            Recorded reply = awaitReplyTo(GENERAL_CHANNEL, first);
            assertTrue(description(reply).contains("[1]"), "answered, not refused: " + description(reply));
            long second = discord.nextId();
            discord.postMessage(second, GENERAL_CHANNEL, user(ADMIN_USER, "curator", false), adminMember(),
                    "<@" + BOT_ID + "> " + ANSWERED, List.of(BOT_ID));
            discord.awaitRequest(r -> r.is("PUT", "/api/v10/channels/" + GENERAL_CHANNEL + "/messages/" + second
                    + "/reactions/"), WAIT);
            assertTrue(discord.requests(r -> r.is("POST", "/api/v10/channels/") && r.body().contains(
                    Long.toString(second))).isEmpty(), "no public notice of the pause");
        } finally {
            clock.step = Duration.ofSeconds(6);
        }
    }

    @Test
    void aFrenchClientGetsFrenchAnswersAbstentionsTimelinesAndHelp() throws Exception {
        JsonNode answer = callback(discord.slashCommand("fr", plainMember(), "ask", option("question",
                "quelle résolution a mis fin au mandat de la minusma ?")));
        JsonNode embed = answer.path("data").path("embeds").get(0);
        assertTrue(embed.path("footer").path("text").asText().startsWith("Sources vérifiées jusqu’au 31 décembre 2023"),
                embed.toString());
        assertTrue(embed.path("description").asText().contains("[1]"), embed.toString());

        JsonNode refused = callback(discord.slashCommand("fr", plainMember(), "ask", option("question",
                "comment faire du pain ?")));
        JsonNode no = refused.path("data").path("embeds").get(0);
        assertEquals("Pas de réponse sourcée", no.path("title").asText(), refused.toString());
        assertTrue(no.path("description").asText().startsWith("Je n’ai pas")
                || no.path("description").asText().startsWith("Je n'ai pas"), no.toString());

        JsonNode timeline = timeline("fr", option("from", "août 2020"), option("to", "2020"));
        JsonNode page = timeline.path("data").path("embeds").get(0);
        assertEquals("Chronologie", page.path("title").asText());
        assertTrue(page.path("description").asText().startsWith("**1er août 2020 – 31 décembre 2020 · 2 événements**"),
                page.toString());
        assertTrue(page.path("description").asText().contains("**18 août 2020**"), page.toString());
        assertEquals("Événements 1 à 2 sur 2", page.path("footer").path("text").asText());
        JsonNode bad = callback(discord.slashCommand("fr", plainMember(), "timeline", option("from", "bientôt")));
        assertTrue(bad.path("data").path("content").asText().contains("mars 2021"), bad.toString());

        JsonNode help = callback(discord.slashCommand("fr", plainMember(), "help"));
        String text = help.path("data").path("embeds").get(0).path("description").asText();
        assertTrue(text.contains("Période couverte") && text.contains("31 décembre 2023"), text);
        assertTrue(text.contains("Qui dirige le Mali ?"), text);
    }

    // ---------------------------------------------------------------- faults

    /** The bot answers again after the gateway came back; with a timeout, never a sleep. */
    private void assertStillAnswers() throws Exception {
        JsonNode answer = callback(discord.slashCommand(plainMember(), "ask", option("question", ANSWERED)));
        assertEquals(4, answer.path("type").asInt(), answer.toString());
        assertTrue(answer.path("data").path("embeds").get(0).path("fields").size() > 0, answer.toString());
    }

    private long logged(String fragment) {
        return logs.count(fragment);
    }

    @Test
    void aDroppedGatewayIsReconnectedReportedAndTheNextQuestionAnswered() throws Exception {
        int sessions = discord.sessions();
        int lost = countEntered(GatewayState.State.RECONNECTING);
        int back = countEntered(GatewayState.State.CONNECTED);
        discord.dropGateway();
        discord.awaitSessions(sessions + 1, WAIT);
        assertTrue(bot.gateway().awaitEntered(0, GatewayState.State.RECONNECTING, lost + 1, WAIT),
                bot.gateway().history().toString());
        assertTrue(bot.gateway().awaitEntered(0, GatewayState.State.CONNECTED, back + 1, WAIT),
                bot.gateway().history().toString());
        assertEquals("connected", bot.gatewayState());
        assertTrue(logged("lost the gateway connection of shard 0") > 0);
        assertStillAnswers();
    }

    @Test
    void opReconnectIsFollowedByAResumeAndTheNextQuestionAnswered() throws Exception {
        int sessions = discord.sessions();
        int resumes = discord.resumes();
        discord.requestReconnect();
        discord.awaitSessions(sessions + 1, WAIT);
        assertTrue(discord.resumes() > resumes, "the session was resumed, not identified afresh");
        assertStillAnswers();
        assertEquals("connected", bot.gatewayState());
    }

    private int countEntered(GatewayState.State state) {
        String entry = "0:" + state.name().toLowerCase(java.util.Locale.ROOT);
        return (int) bot.gateway().history().stream().filter(entry::equals).count();
    }

    @Test
    void a502OnAnInteractionCallbackIsSurvivedLoggedAndTheNextOneAnswered() throws Exception {
        long warnings = logged("sending an immediate response failed");
        discord.failNext(r -> r.is("POST", "/api/v10/interactions/") && r.path().endsWith("/callback")
                && r.body().toLowerCase(java.util.Locale.ROOT).contains("minusma"), 1, 502);
        long failed = discord.slashCommand(plainMember(), "ask", option("question", ANSWERED));
        List<Integer> statuses = awaitStatuses("/api/v10/interactions/" + failed + "/");
        assertEquals(502, statuses.get(0), statuses.toString());
        // Javacord 3.8.0 does not retry a 5xx: the reply is lost, the failure logged, the bot carries on.
        logs.await("sending an immediate response failed", warnings + 1, WAIT);
        assertEquals(List.of(502), awaitStatuses("/api/v10/interactions/" + failed + "/"), "not retried");
        assertStillAnswers();
    }

    @Test
    void a503OnAChannelMessageIsSurvivedLoggedAndTheNextOneAnswered() throws Exception {
        long warnings = logged("replying to a message failed");
        long first = discord.nextId();
        discord.failNext(r -> r.is("POST", "/api/v10/channels/" + GENERAL_CHANNEL + "/messages")
                && r.body().contains(Long.toString(first)), 1, 503);
        discord.postMessage(first, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "<@" + BOT_ID + "> " + ANSWERED, List.of(BOT_ID));
        List<Integer> statuses = awaitStatuses("/api/v10/channels/" + GENERAL_CHANNEL + "/messages", first);
        assertEquals(503, statuses.get(0), statuses.toString());
        logs.await("replying to a message failed", warnings + 1, WAIT);
        long second = discord.nextId();
        discord.postMessage(second, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), plainMember(),
                "<@" + BOT_ID + "> " + ANSWERED, List.of(BOT_ID));
        Recorded reply = discord.awaitRequest(r -> r.is("POST", "/api/v10/channels/" + GENERAL_CHANNEL + "/messages")
                && r.body().contains(Long.toString(second)), WAIT);
        assertPingsNoOne(reply.payload());
        assertEquals(List.of(503), discord.requests(r -> r.body().contains(Long.toString(first))).stream()
                .map(Recorded::status).toList(), "Javacord 3.8.0 does not retry a 5xx");
    }

    private List<Integer> awaitStatuses(String path) throws Exception {
        discord.awaitAnyRequest(r -> r.path().startsWith(path), WAIT);
        return discord.requests(r -> r.path().startsWith(path)).stream().map(Recorded::status).toList();
    }

    private List<Integer> awaitStatuses(String path, long message) throws Exception {
        discord.awaitAnyRequest(r -> r.path().startsWith(path) && r.body().contains(Long.toString(message)), WAIT);
        return discord.requests(r -> r.path().startsWith(path) && r.body().contains(Long.toString(message)))
                .stream().map(Recorded::status).toList();
    }

    @Test
    void anAnswerSlowerThanDiscordsDeadlineIsDeferredAndEditedIn() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        slowGate = gate;
        long id;
        try {
            id = discord.slashCommand(plainMember(), "ask", option("question", SLOW));
            JsonNode deferred = callback(id);
            assertEquals(5, deferred.path("type").asInt(), "acknowledged while the engine is still busy");
            assertEquals(0, deferred.path("data").path("flags").asInt(0) & 64, "public, as asked");
        } finally {
            slowGate = null;
            gate.countDown();
        }
        Recorded edit = discord.awaitRequest(r -> r.is("PATCH",
                "/api/v10/webhooks/" + APP_ID + "/" + token(id) + "/messages/@original"), WAIT);
        assertTrue(edit.payload().path("embeds").get(0).path("description").asText().contains("[1]"), edit.body());
        assertPingsNoOne(edit.payload());
        assertEquals(1, discord.requests(r -> r.path().startsWith("/api/v10/interactions/" + id + "/")).size(),
                "one callback: the deferral; the answer is an edit");
    }
}
