package org.crisisdesk.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.feedback.FeedbackLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings operators use in containers: the token from a secret file, the feedback log's limits, the heartbeat. */
class BotConfigOpsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theTokenCanComeFromAFileAsDockerAndKubernetesSecretsGiveIt() throws Exception {
        Path secret = dir.resolve("discord_token");
        Files.writeString(secret, "file-token-123\n");
        Map<String, String> environment = Map.of(BotConfig.TOKEN_FILE, secret.toString());
        assertTrue(BotConfig.tokenGiven(environment));
        BotConfig config = BotConfig.fromEnvironment(environment);
        assertEquals("file-token-123", config.token(), "the trailing new line a secret file has is dropped");
        assertFalse(config.toString().contains("file-token-123"));
    }

    @Test
    void aTokenFileThatCannotServeIsAnErrorNamingTheVariableButNeverItsContent() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        Path huge = Files.writeString(dir.resolve("huge"), "secret-looking-text ".repeat(500));
        for (Path file : List.of(dir.resolve("missing"), empty, huge, dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BotConfig.fromEnvironment(Map.of(BotConfig.TOKEN_FILE, file.toString())));
            assertTrue(e.getMessage().startsWith(BotConfig.TOKEN_FILE + " names " + file), e.getMessage());
            assertFalse(e.getMessage().contains("secret-looking-text"), e.getMessage());
        }
        Path secret = Files.writeString(dir.resolve("token"), "t");
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> BotConfig.fromEnvironment(
                Map.of(BotConfig.TOKEN, "t", BotConfig.TOKEN_FILE, secret.toString())));
        assertTrue(both.getMessage().contains(BotConfig.TOKEN) && both.getMessage().contains(BotConfig.TOKEN_FILE));
        assertFalse(BotConfig.tokenGiven(Map.of(BotConfig.TOKEN, " ", BotConfig.TOKEN_FILE, "")));
    }

    @Test
    void feedbackLimitsAndTheHeartbeatHaveDefaultsAndVariables() {
        BotConfig defaults = BotConfig.fromEnvironment(Map.of(BotConfig.TOKEN, "t"));
        assertEquals(FeedbackLog.DEFAULT_MAX_BYTES, defaults.feedbackMaxBytes());
        assertFalse(defaults.feedbackPrivate(), "private questions are not kept unless asked for");
        assertEquals(Optional.empty(), defaults.heartbeatFile());

        BotConfig set = BotConfig.fromEnvironment(Map.of(BotConfig.TOKEN, "t", BotConfig.FEEDBACK_MAX_BYTES, "65536",
                BotConfig.FEEDBACK_PRIVATE, "true", BotConfig.HEARTBEAT_FILE, "/tmp/crisisdesk-heartbeat"));
        assertEquals(65_536, set.feedbackMaxBytes());
        assertTrue(set.feedbackPrivate());
        assertEquals(Optional.of(Path.of("/tmp/crisisdesk-heartbeat")), set.heartbeatFile());

        for (Map<String, String> bad : List.of(Map.of(BotConfig.FEEDBACK_MAX_BYTES, "100"),
                Map.of(BotConfig.FEEDBACK_MAX_BYTES, "ten megabytes"), Map.of(BotConfig.FEEDBACK_PRIVATE, "maybe"))) {
            java.util.HashMap<String, String> environment = new java.util.HashMap<>(bad);
            environment.put(BotConfig.TOKEN, "t");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BotConfig.fromEnvironment(environment));
            assertTrue(e.getMessage().contains(bad.keySet().iterator().next()), e.getMessage());
        }
    }
}
