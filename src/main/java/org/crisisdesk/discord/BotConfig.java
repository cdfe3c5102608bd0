package org.crisisdesk.discord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the bot runs, from environment variables (see README.md, "Discord bot").
 *
 * @param token            the bot token; never logged, never shown by {@link #toString()}
 * @param guildId          register commands on this server only (instant, for development); global otherwise
 * @param adminIds         user or role ids allowed to run /reindex; empty means "whoever has Manage Server"
 * @param questionChannel  a channel where every message ending in '?' is a question
 * @param cooldown         pause between one user's questions
 * @param feedbackLog      JSON Lines file for votes and unanswered questions
 * @param shards           gateway shards in all (across every process)
 * @param shardId          the one shard this process runs; empty: all of them
 * @param channelLimit     questions per minute per channel; 0: no limit
 */
public record BotConfig(String token, Optional<Long> guildId, Set<Long> adminIds, Optional<Long> questionChannel,
                        Duration cooldown, Path feedbackLog, int shards, Optional<Integer> shardId,
                        int channelLimit) {

    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String GUILD = "CRISISDESK_GUILD_ID";
    public static final String ADMINS = "CRISISDESK_ADMIN_IDS";
    public static final String QUESTION_CHANNEL = "CRISISDESK_QUESTION_CHANNEL";
    public static final String COOLDOWN = "CRISISDESK_COOLDOWN_SECONDS";
    public static final String FEEDBACK_LOG = "CRISISDESK_FEEDBACK_LOG";
    public static final String SHARDS = "CRISISDESK_SHARDS";
    public static final String SHARD_ID = "CRISISDESK_SHARD_ID";
    public static final String CHANNEL_LIMIT = "CRISISDESK_CHANNEL_LIMIT";

    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(5);
    public static final int DEFAULT_CHANNEL_LIMIT = 20;
    public static final Path DEFAULT_FEEDBACK_LOG = Path.of("data", "feedback.jsonl");

    public BotConfig {
        adminIds = Set.copyOf(adminIds);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the Discord bot needs a bot token in " + TOKEN);
        }
        if (shards < 1) {
            throw new IllegalArgumentException(SHARDS + " must be at least 1");
        }
        if (shardId.isPresent() && (shardId.get() < 0 || shardId.get() >= shards)) {
            throw new IllegalArgumentException(SHARD_ID + " must be within 0.." + (shards - 1) + " (" + SHARDS + " is "
                    + shards + "), not " + shardId.get());
        }
        if (channelLimit < 0) {
            throw new IllegalArgumentException(CHANNEL_LIMIT + " must be 0 (no limit) or more, not " + channelLimit);
        }
    }

    /** Reads the variables; a malformed value is an {@link IllegalArgumentException} naming the variable. */
    public static BotConfig fromEnvironment(Map<String, String> environment) {
        String token = environment.get(TOKEN);
        return new BotConfig(
                token == null ? "" : token.strip(),
                optional(environment, GUILD).map(v -> snowflake(GUILD, v)),
                ids(environment.getOrDefault(ADMINS, "")),
                optional(environment, QUESTION_CHANNEL).map(v -> snowflake(QUESTION_CHANNEL, v)),
                optional(environment, COOLDOWN).map(v -> Duration.ofSeconds(number(COOLDOWN, v, 0, 3600)))
                        .orElse(DEFAULT_COOLDOWN),
                optional(environment, FEEDBACK_LOG).map(Path::of).orElse(DEFAULT_FEEDBACK_LOG),
                optional(environment, SHARDS).map(v -> (int) number(SHARDS, v, 1, 1024)).orElse(1),
                optional(environment, SHARD_ID).map(v -> (int) number(SHARD_ID, v, 0, 1023)),
                optional(environment, CHANNEL_LIMIT).map(v -> (int) number(CHANNEL_LIMIT, v, 0, 10_000))
                        .orElse(DEFAULT_CHANNEL_LIMIT));
    }

    @Override
    public String toString() {
        return "BotConfig[token=(hidden), guildId=" + guildId + ", adminIds=" + adminIds + ", questionChannel="
                + questionChannel + ", cooldown=" + cooldown + ", feedbackLog=" + feedbackLog + ", shards=" + shards
                + ", shardId=" + shardId + ", channelLimit=" + channelLimit + "]";
    }

    private static Optional<String> optional(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Set<Long> ids(String list) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : list.split("[,\\s]+")) {
            if (!part.isBlank()) {
                ids.add(snowflake(ADMINS, part));
            }
        }
        return ids;
    }

    private static long snowflake(String name, String value) {
        return number(name, value, 1, Long.MAX_VALUE);
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", not '" + value
                        + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
        }
    }
}
