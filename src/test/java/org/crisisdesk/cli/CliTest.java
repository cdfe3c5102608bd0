package org.crisisdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crisisdesk.discord.BotConfig;
import org.crisisdesk.discord.BotStartException;
import org.crisisdesk.feedback.FeedbackLog;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract other tools are built on: JSON shapes, exit codes, where output goes. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path knowledge;
    private Path index;

    @BeforeEach
    void setUp() {
        knowledge = Fixtures.copyKnowledge(dir);
        index = dir.resolve("index");
    }

    private Run run(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--knowledge", knowledge.toString(), "--index", index.toString()));
        all.addAll(List.of(args));
        int status = new Cli(env, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run run(String... args) {
        return run("", Map.of(), args);
    }

    record Run(int status, String out, String err) {
    }

    @Test
    void askJsonFollowsTheContract() throws Exception {
        Run run = run("ask", "--json", "Which", "resolution", "ended", "MINUSMA's", "mandate?");
        assertEquals(0, run.status(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        assertEquals("Which resolution ended MINUSMA's mandate?", answer.get("question").asText());
        assertTrue(answer.get("answered").asBoolean());
        double confidence = answer.get("confidence").asDouble();
        assertTrue(confidence > 0 && confidence <= 1);
        JsonNode snippet = answer.get("snippets").get(0);
        assertTrue(snippet.get("text").isTextual());
        assertEquals(1, snippet.get("citations").get(0).asInt());
        assertEquals("minusma-end-of-mandate", snippet.get("passage").asText());
        JsonNode citation = answer.get("citations").get(0);
        assertEquals(1, citation.get("n").asInt());
        for (String field : List.of("source", "title", "publisher", "date", "url")) {
            assertTrue(citation.get(field).isTextual(), field);
        }
        assertFalse(run.out().contains("INFO"), "logs never go to standard output");
    }

    @Test
    void askWithoutAQuestionAnswersEachLineAsJsonLines() throws Exception {
        Run run = run("when did minusma deploy?\nhow do I bake bread?\n\nAND (\n", Map.of(), "ask", "--json");
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(4, lines.length, run.out());
        assertTrue(JSON.readTree(lines[0]).get("answered").asBoolean());
        assertFalse(JSON.readTree(lines[1]).get("answered").asBoolean());
        assertTrue(JSON.readTree(lines[1]).get("message").isTextual());
        assertEquals(0, JSON.readTree(lines[1]).get("snippets").size());
        assertFalse(JSON.readTree(lines[2]).get("answered").asBoolean());
        assertFalse(JSON.readTree(lines[3]).get("answered").asBoolean());
    }

    @Test
    void askInPlainTextShowsNumberedSources() {
        Run run = run("ask", "what", "did", "the", "CNSP", "junta", "do?");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("[1] "), run.out());
        assertTrue(run.out().contains("https://"), run.out());
    }

    @Test
    void timelineJsonFollowsTheContract() throws Exception {
        Run run = run("timeline", "--from", "2020", "--to=2020-12", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertEquals(2, root.get("total").asInt());
        JsonNode first = root.get("events").get(0);
        assertEquals("2020-08-goita-cnsp", first.get("id").asText());
        assertEquals("2020-08", first.get("date").asText());
        assertEquals("month", first.get("precision").asText());
        assertTrue(first.get("text").isTextual());
        assertEquals("2020 coup", first.get("topics").get(0).asText());
        assertEquals("ripples-goita-2020", first.get("citations").get(0).get("source").asText());
        assertEquals("day", root.get("events").get(1).get("precision").asText());
    }

    @Test
    void timelineTopicAndPaging() throws Exception {
        JsonNode root = JSON.readTree(run("timeline", "--topic", "MINUSMA", "--limit", "1", "--json").out());
        assertEquals(2, root.get("total").asInt());
        assertEquals(1, root.get("events").size());
    }

    @Test
    void sourcesJsonListsEverySource() throws Exception {
        Run run = run("sources", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode sources = JSON.readTree(run.out()).get("sources");
        assertEquals(4, sources.size());
        for (JsonNode source : sources) {
            for (String field : List.of("id", "title", "publisher", "date", "url")) {
                assertTrue(source.get(field).isTextual(), field);
            }
        }
    }

    @Test
    void validateReportsProblemsAsFileLineColumnAndFails() throws Exception {
        assertEquals(0, run("validate").status());
        Files.writeString(knowledge.resolve("events/bad.yaml"), "events:\n  - id: e-bad\n    date: 2020-02-31\n"
                + "    en: A date that never was.\n    sources: [nobody]\n");
        Run run = run("validate");
        assertEquals(1, run.status());
        assertTrue(run.out().contains("bad.yaml:3:11: 'date' is '2020-02-31'"), run.out());
        assertTrue(run.out().contains("bad.yaml:5:15: 'e-bad' cites unknown source 'nobody'"), run.out());
    }

    @Test
    void reindexRefusesAnInvalidKnowledgeBaseAndKeepsTheIndex() throws Exception {
        assertEquals(0, run("reindex").status());
        Files.writeString(knowledge.resolve("broken.yaml"), "sources: {");
        Run run = run("reindex");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("was not changed"), run.err());
        Files.delete(knowledge.resolve("broken.yaml"));
        Run again = run("reindex");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("gen-000002"), again.out());
    }

    @Test
    void buildsTheIndexWhenMissingAndRebuildsItWhenTheKnowledgeChanges() throws Exception {
        assertFalse(Files.exists(index));
        Run first = run("timeline", "--json");
        assertEquals(4, JSON.readTree(first.out()).get("total").asInt());
        assertTrue(first.err().contains("indexing"), "progress is shown: " + first.err());
        Files.writeString(knowledge.resolve("events/new.yaml"), """
                events:
                  - id: 2024-01-28-ecowas-exit
                    date: 2024-01-28
                    en: Mali, Burkina Faso and Niger say they are leaving ECOWAS.
                    fr: Le Mali, le Burkina Faso et le Niger disent qu'ils quittent la CEDEAO.
                    sources: [un-press-sc15341]
                """);
        assertEquals(5, JSON.readTree(run("timeline", "--json").out()).get("total").asInt());
        Files.writeString(knowledge.resolve("events/new.yaml"), "events: [");
        Run stale = run("timeline", "--json");
        assertEquals(0, stale.status(), "an invalid edit does not take the index down");
        assertEquals(5, JSON.readTree(stale.out()).get("total").asInt());
    }

    @Test
    void directoryOptionsMayFollowTheCommand() {
        List<String> words = List.of("validate", "--knowledge", knowledge.toString(), "--index", index.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Cli(Map.of(), new BufferedReader(new StringReader("")), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(words.toArray(String[]::new));
        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("4 sources"));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, run("frobnicate").status());
        assertEquals(2, run("ask", "--yaml", "x").status());
        assertEquals(2, run("timeline", "--from").status());
        Run badDate = run("timeline", "--from", "August");
        assertEquals(2, badDate.status());
        assertTrue(badDate.err().contains("YYYY"), badDate.err());
        assertEquals(2, run("timeline", "--limit", "zero").status());
        assertEquals(2, run("sources", "extra").status());
    }

    @Test
    void healthChecksTheServingIndexWithoutBuildingOne() throws Exception {
        Run none = run("health");
        assertEquals(1, none.status());
        assertTrue(none.err().contains("no index"), none.err());
        assertFalse(Files.exists(index.resolve("CURRENT")), "health builds nothing");
        assertEquals(0, run("reindex").status());
        Run ok = run("health");
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().startsWith("ok: generation gen-000001 (3 passages, 4 events, 4 sources, knowledge as of"
                + " 31 December 2023)"), ok.out());
        assertFalse(ok.out().contains("changed"), ok.out());
        Files.writeString(knowledge.resolve("aliases.yaml"), "\n# edited\n", java.nio.file.StandardOpenOption.APPEND);
        Run stale = run("health");
        assertEquals(0, stale.status(), "a stale index still serves");
        assertTrue(stale.out().contains("has changed since it was built"), stale.out());
    }

    @Test
    void aBadOpsPortIsAUsageErrorNamingTheVariable() {
        Run run = run("", Map.of(Cli.DISCORD_TOKEN, "not-a-real-token", Cli.OPS_PORT, "eighty"), "bot");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("CRISISDESK_OPS_PORT must be a port number"), run.err());
        assertFalse(run.err().contains("not-a-real-token"));
    }

    @Test
    void helpAndBot() {
        Run help = run("help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("timeline"));
        assertTrue(help.out().contains("gaps"));
        Run bot = run("bot");
        assertEquals(1, bot.status());
        assertTrue(bot.err().contains("DISCORD_TOKEN"), bot.err());
    }

    private Run runBot(Map<String, String> env, Cli.BotServer server, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--knowledge", knowledge.toString(), "--index", index.toString()));
        all.addAll(List.of(args));
        int status = new Cli(env, new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                server).run(all.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theBotGetsItsConfigurationAndAnOpenEngine() {
        List<BotConfig> served = new ArrayList<>();
        Map<String, String> env = Map.of(Cli.DISCORD_TOKEN, "not-a-real-token", BotConfig.GUILD, "42",
                BotConfig.ADMINS, "7");
        Run run = runBot(env, (config, engine, metrics) -> {
            served.add(config);
            assertTrue(engine.ask("which resolution ended minusma's mandate?").answered());
            engine.close();
        }, "bot");
        assertEquals(0, run.status(), run.err());
        assertEquals(java.util.Optional.of(42L), served.get(0).guildId());
        assertEquals(java.util.Set.of(7L), served.get(0).adminIds());
        assertFalse(run.err().contains("not-a-real-token"), "the token is never printed");

        List<String> byDefault = new ArrayList<>();
        assertEquals(0, runBot(env, (config, engine, metrics) -> {
            byDefault.add("bot");
            engine.close();
        }).status(), "with a token and no command, the bot runs");
        assertEquals(List.of("bot"), byDefault);
    }

    @Test
    void healthAndMetricsServeBesideTheBotWhenAPortIsConfigured() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Map<String, String> env = Map.of(Cli.DISCORD_TOKEN, "not-a-real-token", Cli.OPS_PORT, Integer.toString(port));
        List<String> scraped = new ArrayList<>();
        Run run = runBot(env, (config, engine, metrics) -> {
            engine.ask("which resolution ended minusma's mandate?");
            metrics.gatewayState(() -> "reconnecting"); // what the bot's connection listeners report
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(java.time.Duration.ofSeconds(10)).build();
            try {
                scraped.add(client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            engine.close();
        }, "bot");
        assertEquals(0, run.status(), run.err());
        assertTrue(scraped.get(0).contains("crisisdesk_questions_total 1"), scraped.get(0));
        assertTrue(scraped.get(0).contains("crisisdesk_gateway_state{state=\"reconnecting\"} 1"), scraped.get(0));
    }

    @Test
    void aBotThatCannotStartOrIsMisconfiguredFailsWithAMessage() {
        Map<String, String> env = Map.of(Cli.DISCORD_TOKEN, "not-a-real-token");
        Run failed = runBot(env, (config, engine, metrics) -> {
            throw new BotStartException("cannot start the Discord bot: Discord did not answer in time", null);
        }, "bot");
        assertEquals(1, failed.status());
        assertTrue(failed.err().contains("did not answer in time"), failed.err());
        assertFalse(failed.err().contains("not-a-real-token"));

        Run misconfigured = runBot(Map.of(Cli.DISCORD_TOKEN, "t", BotConfig.SHARDS, "many"), (config, engine, metrics) -> {
            throw new AssertionError("never started");
        }, "bot");
        assertEquals(2, misconfigured.status());
        assertTrue(misconfigured.err().contains(BotConfig.SHARDS), misconfigured.err());

        Run badShard = runBot(Map.of(Cli.DISCORD_TOKEN, "t", BotConfig.SHARDS, "2", BotConfig.SHARD_ID, "2"),
                (config, engine, metrics) -> {
                    throw new AssertionError("never started");
                }, "bot");
        assertEquals(2, badShard.status());
        assertTrue(badShard.err().contains(BotConfig.SHARD_ID + " must be within 0..1"), badShard.err());
    }

    @Test
    void gapsSummarisesTheFeedbackLog() throws Exception {
        Path log = dir.resolve("feedback.jsonl");
        Run none = run("", Map.of(BotConfig.FEEDBACK_LOG, log.toString()), "gaps");
        assertEquals(0, none.status(), none.err());
        assertTrue(none.out().contains("No feedback recorded yet"), none.out());
        FeedbackLog feedback = new FeedbackLog(log, java.time.Clock.systemUTC());
        feedback.unanswered("how do I bake bread?", List.of());
        feedback.unanswered("How do I bake bread", List.of());
        feedback.vote("when did minusma deploy?", false, List.of("un-news-2013-minusma"));
        Run gaps = run("", Map.of(BotConfig.FEEDBACK_LOG, log.toString()), "gaps", "--limit", "5");
        assertEquals(0, gaps.status(), gaps.err());
        assertTrue(gaps.out().contains("   2  How do I bake bread"), gaps.out());
        assertTrue(gaps.out().contains("when did minusma deploy?"), gaps.out());
        Run byFile = run("gaps", "--file", log.toString());
        assertEquals(gaps.out(), byFile.out());
        assertEquals(2, run("gaps", "extra").status());
    }

    @Test
    void withoutACommandAndWithoutATokenItOpensTheConsole() {
        Run run = run("/help\n/quit\n", Map.of());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("/timeline"), run.out());
    }

    @Test
    void aMissingKnowledgeBaseAndIndexIsAFailureWithAMessage() {
        knowledge = dir.resolve("nowhere");
        Run run = run("ask", "anything");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("knowledge directory does not exist"), run.err());
    }
}
