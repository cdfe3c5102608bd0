package org.crisisdesk.discord;

import static org.crisisdesk.discord.standin.StandInDiscord.APP_ID;
import static org.crisisdesk.discord.standin.StandInDiscord.BOT_ID;
import static org.crisisdesk.discord.standin.StandInDiscord.GENERAL_CHANNEL;
import static org.crisisdesk.discord.standin.StandInDiscord.GUILD_ID;
import static org.crisisdesk.discord.standin.StandInDiscord.MEMBER_USER;
import static org.crisisdesk.discord.standin.StandInDiscord.member;
import static org.crisisdesk.discord.standin.StandInDiscord.option;
import static org.crisisdesk.discord.standin.StandInDiscord.token;
import static org.crisisdesk.discord.standin.StandInDiscord.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.discord.standin.Recorded;
import org.crisisdesk.discord.standin.StandInDiscord;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Records what the real bot sends for the README's screenshots: the real Javacord client against the stand-in
 * Discord, answering from the shipped knowledge base. Runs only when {@code crisisdesk.screenshots} names a
 * directory (see {@code scripts/screenshots.sh}), which gets one JSON file per capture (what the user did and the
 * payload the bot sent) and the pictures it uploaded; {@code scripts/render-screenshots.py} draws them.
 */
class ReadmeScreenshots {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN = "stand-in-token.for-screenshots";

    private StandInDiscord discord;
    private Path out;

    @Test
    void record() throws Exception {
        String target = System.getProperty("crisisdesk.screenshots", "");
        Assumptions.assumeFalse(target.isBlank(), "only run by scripts/screenshots.sh");
        out = Path.of(target);
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("crisisdesk-screenshots");
        EngineConfig config = EngineConfig.fromEnvironment(Map.of())
                .withKnowledge(Fixtures.repository().resolve("knowledge")).withIndex(dir.resolve("index"));
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            discord = new StandInDiscord(dir, TOKEN);
            BotConfig botConfig = new BotConfig(TOKEN, Optional.of(GUILD_ID), Set.of(), Optional.empty(),
                    Duration.ZERO, dir.resolve("feedback.jsonl"), 1, Optional.empty(), 0);
            Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", discord.proxyPort()));
            Bot bot = Bot.start(botConfig, engine, new Bot.Options(Clock.systemUTC(), ProgressListener.NONE,
                    builder -> builder.setProxy(proxy).setTrustAllCertificates(true), WAIT,
                    () -> Bot.INLINE_BUDGET, question -> { }));
            try {
                scenes();
            } finally {
                bot.close();
                discord.close();
            }
        }
    }

    private static ObjectNode reader() {
        return member(user(MEMBER_USER, "reader", false));
    }

    private void scenes() throws Exception {
        JsonNode serval = ask("01-answer", "en-US", "when did the french intervention in mali start");
        ask("02-answer-present", "en-US", "who leads mali?");
        ask("03-abstention", "en-US", "who won the world cup?");
        ask("04-did-you-mean", "en-US", "wat was barkahne");
        timeline("05-timeline", "en-US", option("from", "2020"), option("to", "2021"));
        followUp("06-follow-up", "what was operation barkhane?", "when did it end?");
        ask("07-answer-fr", "fr", "qu'est-ce que l'AES ?");
        timeline("08-timeline-fr", "fr", option("from", "août 2020"), option("to", "juin 2021"));
        slash("09-help", "en-US", "/help", "help");
        slash("10-sources", "en-US", "/sources search:Reuters", "sources", option("search", "Reuters"));
        String sources = buttons(serval).stream().filter(id -> id.startsWith("ask:src:")).findFirst().orElse("");
        if (!sources.isEmpty()) {
            long click = discord.button("en-US", reader(), sources, serval);
            save("11-answer-sources", "en-US", "pressed Sources under the first answer", "button", "",
                    callback(click), Map.of());
        }
    }

    private JsonNode ask(String name, String locale, String question) throws Exception {
        return slash(name, locale, "/ask question:" + question, "ask", option("question", question));
    }

    private JsonNode slash(String name, String locale, String typed, String command, ObjectNode... options)
            throws Exception {
        long id = discord.slashCommand(locale, reader(), command, options);
        JsonNode callback = callback(id);
        save(name, locale, typed, "slash", "", callback, Map.of());
        return callback.path("data");
    }

    private void timeline(String name, String locale, ObjectNode... options) throws Exception {
        long id = discord.slashCommand(locale, reader(), "timeline", options);
        callback(id);
        Recorded edit = discord.awaitRequest(r -> r.is("PATCH",
                "/api/v10/webhooks/" + APP_ID + "/" + token(id) + "/messages/@original"), WAIT);
        StringBuilder typed = new StringBuilder("/timeline");
        for (ObjectNode option : options) {
            typed.append(' ').append(option.path("name").asText()).append(':').append(option.path("value").asText());
        }
        save(name, locale, typed.toString(), "slash", "", edit.payload(), edit.files());
    }

    private void followUp(String name, String question, String followUp) throws Exception {
        long first = discord.nextId();
        discord.postMessage(first, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), reader(),
                "<@" + BOT_ID + "> " + question, List.of(BOT_ID));
        Recorded answer = reply(first);
        ObjectNode shown = discord.storeBotMessage(discord.nextId(), GENERAL_CHANNEL, answer.payload());
        save(name + "-a", "en-US", "@crisisdesk " + question, "message", "", answer.payload(), Map.of());
        long next = discord.nextId();
        discord.postReply(next, GENERAL_CHANNEL, user(MEMBER_USER, "reader", false), reader(), followUp,
                List.of(BOT_ID), shown);
        save(name + "-b", "en-US", followUp, "reply", shown.path("embeds").path(0).path("title").asText(),
                reply(next).payload(), Map.of());
    }

    private Recorded reply(long message) throws Exception {
        return discord.awaitRequest(r -> r.is("POST", "/api/v10/channels/" + GENERAL_CHANNEL + "/messages")
                && r.payload().path("message_reference").path("message_id").asText().equals(Long.toString(message)),
                WAIT);
    }

    private JsonNode callback(long interaction) throws Exception {
        return discord.awaitRequest(r -> r.is("POST", "/api/v10/interactions/" + interaction + "/"), WAIT).payload();
    }

    private static List<String> buttons(JsonNode data) {
        List<String> ids = new java.util.ArrayList<>();
        data.path("components").forEach(row -> row.path("components").forEach(b -> ids.add(b.path("custom_id")
                .asText())));
        return ids;
    }

    /** One capture: what the user did, and exactly what the bot sent (with the files it uploaded beside it). */
    private void save(String name, String locale, String typed, String how, String repliedTo, JsonNode payload,
                      Map<String, byte[]> files) throws Exception {
        ObjectNode capture = JSON.createObjectNode();
        capture.put("capture", name);
        capture.put("locale", locale);
        capture.put("user", "reader");
        capture.put("typed", typed);
        capture.put("how", how);
        capture.put("replied_to", repliedTo);
        capture.set("payload", payload);
        ObjectNode attachments = capture.putObject("attachments");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String saved = name + "-" + file.getKey();
            Files.write(out.resolve(saved), file.getValue());
            attachments.put("attachment://" + file.getKey(), saved);
        }
        Files.writeString(out.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(capture));
    }
}
