package org.crisisdesk.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BotConfigTest {

    @Test
    void defaults() {
        BotConfig config = BotConfig.fromEnvironment(Map.of(BotConfig.TOKEN, " secret-token "));
        assertEquals("secret-token", config.token());
        assertEquals(Optional.empty(), config.guildId());
        assertEquals(Set.of(), config.adminIds());
        assertEquals(Optional.empty(), config.questionChannel());
        assertEquals(BotConfig.DEFAULT_COOLDOWN, config.cooldown());
        assertEquals(Path.of("data", "feedback.jsonl"), config.feedbackLog());
        assertEquals(1, config.shards());
        assertEquals(Optional.empty(), config.shardId(), "every shard in this process");
        assertEquals(BotConfig.DEFAULT_CHANNEL_LIMIT, config.channelLimit());
        assertFalse(config.toString().contains("secret-token"), "the token never shows in logs");
    }

    @Test
    void everyVariable() {
        BotConfig config = BotConfig.fromEnvironment(Map.of(BotConfig.TOKEN, "t", BotConfig.GUILD, "123",
                BotConfig.ADMINS, "1, 2 3", BotConfig.QUESTION_CHANNEL, "456", BotConfig.COOLDOWN, "0",
                BotConfig.FEEDBACK_LOG, "/var/lib/crisisdesk/feedback.jsonl", BotConfig.SHARDS, "2"));
        assertEquals(Optional.of(123L), config.guildId());
        assertEquals(Set.of(1L, 2L, 3L), config.adminIds());
        assertEquals(Optional.of(456L), config.questionChannel());
        assertEquals(Duration.ZERO, config.cooldown());
        assertEquals(Path.of("/var/lib/crisisdesk/feedback.jsonl"), config.feedbackLog());
        assertEquals(2, config.shards());
    }

    @Test
    void oneShardOfSeveralPerMachineAndAChannelLimit() {
        BotConfig config = BotConfig.fromEnvironment(Map.of(BotConfig.TOKEN, "t", BotConfig.SHARDS, "4",
                BotConfig.SHARD_ID, " 3 ", BotConfig.CHANNEL_LIMIT, "0"));
        assertEquals(4, config.shards());
        assertEquals(Optional.of(3), config.shardId());
        assertEquals(0, config.channelLimit(), "0 turns the limit off");
        assertEquals(Optional.of(0), BotConfig.fromEnvironment(Map.of(BotConfig.TOKEN, "t",
                BotConfig.SHARD_ID, "0")).shardId(), "shard 0 of the default single shard");
    }

    @Test
    void aShardIdOutsideTheShardCountNamesBothVariables() {
        for (Map<String, String> bad : java.util.List.of(
                Map.of(BotConfig.TOKEN, "t", BotConfig.SHARDS, "2", BotConfig.SHARD_ID, "2"),
                Map.of(BotConfig.TOKEN, "t", BotConfig.SHARD_ID, "1"),
                Map.of(BotConfig.TOKEN, "t", BotConfig.SHARDS, "2", BotConfig.SHARD_ID, "-1"),
                Map.of(BotConfig.TOKEN, "t", BotConfig.SHARDS, "2", BotConfig.SHARD_ID, "one"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BotConfig.fromEnvironment(bad));
            assertTrue(e.getMessage().contains(BotConfig.SHARD_ID), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BotConfig.fromEnvironment(
                Map.of(BotConfig.TOKEN, "t", BotConfig.SHARDS, "3", BotConfig.SHARD_ID, "3")));
        assertTrue(e.getMessage().contains("0..2") && e.getMessage().contains(BotConfig.SHARDS), e.getMessage());
    }

    @Test
    void malformedValuesNameTheVariable() {
        for (Map<String, String> bad : java.util.List.of(
                Map.of(BotConfig.TOKEN, "t", BotConfig.GUILD, "my-server"),
                Map.of(BotConfig.TOKEN, "t", BotConfig.ADMINS, "1,two"),
                Map.of(BotConfig.TOKEN, "t", BotConfig.COOLDOWN, "-1"),
                Map.of(BotConfig.TOKEN, "t", BotConfig.SHARDS, "0"),
                Map.of(BotConfig.TOKEN, "t", BotConfig.CHANNEL_LIMIT, "-5"),
                Map.of(BotConfig.TOKEN, "t", BotConfig.CHANNEL_LIMIT, "lots"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BotConfig.fromEnvironment(bad));
            String variable = bad.keySet().stream().filter(k -> !k.equals(BotConfig.TOKEN)).findFirst().orElseThrow();
            assertTrue(e.getMessage().contains(variable), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> BotConfig.fromEnvironment(Map.of()));
    }

    @Test
    void cooldownIsPerUser() {
        MutableClock clock = new MutableClock();
        Cooldown cooldown = new Cooldown(Duration.ofSeconds(5), clock);
        assertEquals(Optional.empty(), cooldown.tryAcquire(1));
        assertEquals(Optional.empty(), cooldown.tryAcquire(2), "another user is not held back");
        clock.now = clock.now.plusSeconds(2);
        assertEquals(Optional.of(Duration.ofSeconds(3)), cooldown.tryAcquire(1));
        clock.now = clock.now.plusSeconds(3);
        assertEquals(Optional.empty(), cooldown.tryAcquire(1));
        Cooldown off = new Cooldown(Duration.ZERO, clock);
        assertEquals(Optional.empty(), off.tryAcquire(1));
        assertEquals(Optional.empty(), off.tryAcquire(1));
        assertFalse(off.enabled());
    }

    @Test
    void answerStoreForgetsTheOldest() {
        AnswerStore store = new AnswerStore(2);
        org.crisisdesk.answer.Answer answer = new org.crisisdesk.answer.Answer("q", false, 0, java.util.List.of(),
                java.util.List.of(), Optional.empty(), java.util.List.of(), Optional.empty());
        String first = store.put(answer);
        String second = store.put(answer);
        String third = store.put(answer);
        assertEquals(Optional.empty(), store.get(first));
        assertTrue(store.get(second).isPresent());
        assertTrue(store.get(third).isPresent());
        assertTrue(first.matches("[a-z2-9]{10}"), first);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
