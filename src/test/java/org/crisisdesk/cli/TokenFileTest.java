package org.crisisdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
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
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code DISCORD_TOKEN_FILE} on the command line: it starts the bot as {@code DISCORD_TOKEN} does. */
class TokenFileTest {

    @TempDir
    Path dir;

    private int run(Map<String, String> environment, List<String> served, ByteArrayOutputStream err,
                    String... command) {
        Path knowledge = Fixtures.copyKnowledge(dir);
        List<String> args = new ArrayList<>(List.of("--knowledge", knowledge.toString(), "--index",
                dir.resolve("index").toString()));
        args.addAll(List.of(command));
        return new Cli(environment, new BufferedReader(new StringReader("")),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                (config, engine, metrics) -> {
                    served.add(config.token());
                    engine.close();
                }).run(args.toArray(String[]::new));
    }

    @Test
    void aTokenFileStartsTheBotExplicitlyAndByDefault() throws Exception {
        Path secret = Files.writeString(dir.resolve("token"), "from-a-file\n");
        Map<String, String> environment = Map.of(BotConfig.TOKEN_FILE, secret.toString());
        List<String> served = new ArrayList<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(environment, served, err, "bot"), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run(environment, served, err), "with no command, a token file means the bot");
        assertEquals(List.of("from-a-file", "from-a-file"), served);
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("from-a-file"), "the token is never printed");
    }

    @Test
    void withoutEitherTheBotNamesBothWaysToGiveAToken() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> served = new ArrayList<>();
        assertEquals(1, run(Map.of(), served, err, "bot"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("DISCORD_TOKEN environment variable") && message.contains("DISCORD_TOKEN_FILE"),
                message);
        assertEquals(List.of(), served);

        ByteArrayOutputStream missing = new ByteArrayOutputStream();
        assertEquals(2, run(Map.of(BotConfig.TOKEN_FILE, dir.resolve("nope").toString()), served, missing, "bot"));
        assertTrue(missing.toString(StandardCharsets.UTF_8).contains("DISCORD_TOKEN_FILE names"), missing.toString());
    }
}
