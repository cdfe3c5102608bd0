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
                """);
        engine = Engine.open(config, ProgressListener.NONE);
        feedback = dir.resolve("data/feedback.jsonl");
        discord = new StandInDiscord(dir, TOKEN);
        BotConfig botConfig = new BotConfig(TOKEN, Optional.of(GUILD_ID), Set.of(ADMIN_ROLE),
                Optional.of(QUESTION_CHANNEL), Duration.ZERO, feedback, 1, Optional.empty(), 0);
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
        bot = Bot.start(botConfig, engine, new Bot.Options(Clock.systemUTC(), progress,
                builder -> builder.setProxy(proxy).setTrustAllCertificates(true), Duration.ofSeconds(30),
                () -> inlineBudget, this::holdIfSlow));
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
    void askAnswersWithNumberedSourcesAndPingsNoOne() throws Exception {
        long id = discord.slashCommand(plainMember(), "ask", option("question", ANSWERED));
        JsonNode body = callback(id);
        assertEquals(4, body.path("type").asInt());
        JsonNode data = body.path("data");
        assertPingsNoOne(data);
        assertEquals(0, data.path("flags").asInt(0) & 64, "public by default");
        JsonNode embed = data.path("embeds").get(0);
        assertTrue(embed.path("description").asText().contains("[1]"), embed.toString());
        JsonNode field = embed.path("fields").get(0);
        assertTrue(field.path("name").asText().startsWith("[1] "), field.toString());
        assertTrue(field.path("value").asText().contains("https://"), field.toString());
        assertTrue(embed.path("footer").path("text").asText().contains("Confidence"), embed.toString());
        List<String> buttons = buttonIds(data);
        assertTrue(buttons.stream().anyMatch(b -> b.startsWith("ask:up:")), buttons.toString());
        assertTrue(buttons.stream().anyMatch(b -> b.startsWith("ask:down:")), buttons.toString());

        String down = buttons.stream().filter(b -> b.startsWith("ask:down:")).findFirst().orElseThrow();
        long click = discord.button(plainMember(), down);
        JsonNode thanks = callback(click);
        assertEquals(4, thanks.path("type").asInt());
        assertEquals(64, thanks.path("data").path("flags").asInt() & 64, "the thanks is for the voter only");
        assertPingsNoOne(thanks.path("data"));
        String log = Files.readString(feedback, StandardCharsets.UTF_8);
        assertTrue(log.contains("\"type\":\"vote\"") && log.contains("\"vote\":\"down\"")
                && log.contains("un-press-sc15341"), log);
        JsonNode again = callback(discord.button(plainMember(), down));
        assertTrue(again.path("data").path("content").asText().contains("already voted"), again.toString());
        assertEquals(log, Files.readString(feedback, StandardCharsets.UTF_8), "one vote per person and answer");
        JsonNode other = callback(discord.button(adminMember(), down));
        assertTrue(other.path("data").path("content").asText().startsWith("Thanks"), other.toString());

    }

    @Test
    void moreRevealsTheNextResultsInPlace() throws Exception {
        JsonNode first = callback(discord.slashCommand(plainMember(), "ask", option("question",
                "what happened to minusma?")));
        JsonNode embed = first.path("data").path("embeds").get(0);
        assertTrue(embed.path("footer").path("text").asText().contains("1 of 3 results"), embed.toString());
        String more = buttonIds(first.path("data")).stream().filter(b -> b.startsWith("ask:more:")).findFirst()
                .orElseThrow();
        JsonNode second = callback(discord.button(plainMember(), more));
        assertEquals(7, second.path("type").asInt(), "More updates the answer in place");
        assertPingsNoOne(second.path("data"));
        JsonNode shown = second.path("data").path("embeds").get(0);
        assertTrue(shown.path("footer").path("text").asText().contains("2 of 3 results"), shown.toString());
        assertTrue(shown.path("description").asText().length() > embed.path("description").asText().length());
        String next = buttonIds(second.path("data")).stream().filter(b -> b.startsWith("ask:more:")).findFirst()
                .orElseThrow();
        JsonNode third = callback(discord.button(plainMember(), next));
        JsonNode row = third.path("data").path("components").get(0).path("components");
        assertTrue(row.get(0).path("disabled").asBoolean(), "nothing more after the last result: " + row);
        JsonNode expired = callback(discord.button(plainMember(), "ask:more:forgotten:2"));
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
    void anAbstentionSaysSoOffersTopicsAndIsLoggedForCurators() throws Exception {
        JsonNode body = callback(discord.slashCommand(plainMember(), "ask", option("question",
                "how do I bake bread?")));
        JsonNode embed = body.path("data").path("embeds").get(0);
        assertEquals("No sourced answer", embed.path("title").asText());
        assertTrue(buttonIds(body.path("data")).isEmpty());
        assertPingsNoOne(body.path("data"));
        String log = Files.readString(feedback, StandardCharsets.UTF_8);
        assertTrue(log.contains("\"type\":\"unanswered\"") && log.contains("how do I bake bread?"), log);
    }

    @Test
    void everyoneAndRolePingsInAQuestionPingNoOne() throws Exception {
        JsonNode body = callback(discord.slashCommand(plainMember(), "ask", option("question",
                "@everyone <@&" + ADMIN_ROLE + "> " + ANSWERED)));
        JsonNode data = body.path("data");
        assertPingsNoOne(data);
        assertEquals(0, data.path("allowed_mentions").path("parse").size());
        String title = data.path("embeds").get(0).path("title").asText();
        assertFalse(title.contains("@everyone"), "the mention is broken up even in text: " + title);
        assertFalse(title.contains("<@&"), title);
    }

    @Test
    void timelinePagesWithButtons() throws Exception {
        JsonNode first = callback(discord.slashCommand(plainMember(), "timeline"));
        assertEquals(4, first.path("type").asInt());
        JsonNode embed = first.path("data").path("embeds").get(0);
        assertEquals(5, embed.path("fields").size(), embed.toString());
        assertTrue(embed.path("fields").get(0).path("name").asText().startsWith("17 January 2012")
                || embed.path("fields").get(0).path("name").asText().contains("2012"), embed.toString());
        assertTrue(embed.path("footer").path("text").asText().contains("1–5 of 8"), embed.toString());
        JsonNode row = first.path("data").path("components").get(0).path("components");
        assertTrue(row.get(0).path("disabled").asBoolean(), "no previous page on the first");
        assertFalse(row.get(1).path("disabled").asBoolean(false));
        assertPingsNoOne(first.path("data"));

        JsonNode second = callback(discord.button(plainMember(), row.get(1).path("custom_id").asText()));
        assertEquals(7, second.path("type").asInt());
        JsonNode page2 = second.path("data").path("embeds").get(0);
        assertEquals(3, page2.path("fields").size(), page2.toString());
        assertTrue(page2.path("footer").path("text").asText().contains("6–8 of 8"), page2.toString());
        JsonNode row2 = second.path("data").path("components").get(0).path("components");
        assertFalse(row2.get(0).path("disabled").asBoolean(false));
        assertTrue(row2.get(1).path("disabled").asBoolean());
    }

    @Test
    void timelineFiltersByTopicAndRejectsBadDatesPrivately() throws Exception {
        JsonNode minusma = callback(discord.slashCommand(plainMember(), "timeline", option("topic", "MINUSMA"),
                option("from", "2013")));
        JsonNode embed = minusma.path("data").path("embeds").get(0);
        assertEquals(2, embed.path("fields").size(), embed.toString());
        assertTrue(buttonIds(minusma.path("data")).isEmpty(), "one page needs no buttons");

        JsonNode bad = callback(discord.slashCommand(plainMember(), "timeline", option("from", "August")));
        assertEquals(4, bad.path("type").asInt());
        assertEquals(64, bad.path("data").path("flags").asInt() & 64);
        assertTrue(bad.path("data").path("content").asText().contains("YYYY"), bad.toString());
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
    void sourcesAndHelp() throws Exception {
        JsonNode sources = callback(discord.slashCommand(plainMember(), "sources"));
        JsonNode embed = sources.path("data").path("embeds").get(0);
        assertEquals(4, embed.path("fields").size(), embed.toString());
        assertPingsNoOne(sources.path("data"));
        JsonNode help = callback(discord.slashCommand(plainMember(), "help"));
        assertTrue(help.path("data").path("embeds").get(0).path("description").asText().contains("/timeline"));
        assertEquals(64, help.path("data").path("flags").asInt() & 64);
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
