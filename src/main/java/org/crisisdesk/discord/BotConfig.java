package org.crisisdesk.discord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.feedback.FeedbackLog;

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
 * @param feedbackMaxBytes size past which the feedback log rolls over to {@code FILE.1}
 * @param feedbackPrivate  whether questions asked privately are kept in the feedback log
 * @param heartbeatFile    a file the bot rewrites every few seconds with the gateway's state, for a container's
 *                         health check; empty: none
 */
public record BotConfig(String token, Optional<Long> guildId, Set<Long> adminIds, Optional<Long> questionChannel,
                        Duration cooldown, Path feedbackLog, int shards, Optional<Integer> shardId,
                        int channelLimit, long feedbackMaxBytes, boolean feedbackPrivate,
                        Optional<Path> heartbeatFile) {

    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String GUILD = "CRISISDESK_GUILD_ID";
    public static final String ADMINS = "CRISISDESK_ADMIN_IDS";
    public static final String QUESTION_CHANNEL = "CRISISDESK_QUESTION_CHANNEL";
    public static final String COOLDOWN = "CRISISDESK_COOLDOWN_SECONDS";
    public static final String FEEDBACK_LOG = "CRISISDESK_FEEDBACK_LOG";
    public static final String SHARDS = "CRISISDESK_SHARDS";
    public static final String SHARD_ID = "CRISISDESK_SHARD_ID";
    public static final String CHANNEL_LIMIT = "CRISISDESK_CHANNEL_LIMIT";
    public static final String TOKEN_FILE = "DISCORD_TOKEN_FILE";
    public static final String FEEDBACK_MAX_BYTES = "CRISISDESK_FEEDBACK_MAX_BYTES";
    public static final String FEEDBACK_PRIVATE = "CRISISDESK_FEEDBACK_PRIVATE";
    public static final String HEARTBEAT_FILE = "CRISISDESK_HEARTBEAT_FILE";

    /** A token is about 70 characters: a larger file is not a token file. */
    static final int MAX_TOKEN_FILE_BYTES = 4096;

    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(5);
    public static final int DEFAULT_CHANNEL_LIMIT = 20;
    public static final Path DEFAULT_FEEDBACK_LOG = Path.of("data", "feedback.jsonl");
    /** Below this a log would roll over every few entries. */
    static final long MIN_FEEDBACK_BYTES = 4096;

    /** The settings before feedback limits and the heartbeat existed, with their defaults. */
    public BotConfig(String token, Optional<Long> guildId, Set<Long> adminIds, Optional<Long> questionChannel,
                     Duration cooldown, Path feedbackLog, int shards, Optional<Integer> shardId, int channelLimit) {
        this(token, guildId, adminIds, questionChannel, cooldown, feedbackLog, shards, shardId, channelLimit,
                FeedbackLog.DEFAULT_MAX_BYTES, false, Optional.empty());
    }

    public BotConfig {
        adminIds = Set.copyOf(adminIds);
        if (feedbackMaxBytes < MIN_FEEDBACK_BYTES) {
            throw new IllegalArgumentException(FEEDBACK_MAX_BYTES + " must be at least " + MIN_FEEDBACK_BYTES
                    + ", not " + feedbackMaxBytes);
        }
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

    /** Whether a token is given at all, in {@code DISCORD_TOKEN} or as a file in {@code DISCORD_TOKEN_FILE}. */
    public static boolean tokenGiven(Map<String, String> environment) {
        return optional(environment, TOKEN).isPresent() || optional(environment, TOKEN_FILE).isPresent();
    }

    /**
     * Reads the variables; a malformed value is an {@link IllegalArgumentException} naming the variable. The token
     * is {@code DISCORD_TOKEN}, or the content of the file {@code DISCORD_TOKEN_FILE} names (a Docker or
     * Kubernetes secret), never both.
     */
    public static BotConfig fromEnvironment(Map<String, String> environment) {
        return new BotConfig(
                token(environment),
                optional(environment, GUILD).map(v -> snowflake(GUILD, v)),
                ids(environment.getOrDefault(ADMINS, "")),
                optional(environment, QUESTION_CHANNEL).map(v -> snowflake(QUESTION_CHANNEL, v)),
                optional(environment, COOLDOWN).map(v -> Duration.ofSeconds(number(COOLDOWN, v, 0, 3600)))
                        .orElse(DEFAULT_COOLDOWN),
                optional(environment, FEEDBACK_LOG).map(Path::of).orElse(DEFAULT_FEEDBACK_LOG),
                optional(environment, SHARDS).map(v -> (int) number(SHARDS, v, 1, 1024)).orElse(1),
                optional(environment, SHARD_ID).map(v -> (int) number(SHARD_ID, v, 0, 1023)),
                optional(environment, CHANNEL_LIMIT).map(v -> (int) number(CHANNEL_LIMIT, v, 0, 10_000))
                        .orElse(DEFAULT_CHANNEL_LIMIT),
                optional(environment, FEEDBACK_MAX_BYTES)
                        .map(v -> number(FEEDBACK_MAX_BYTES, v, MIN_FEEDBACK_BYTES, Long.MAX_VALUE))
                        .orElse(FeedbackLog.DEFAULT_MAX_BYTES),
                optional(environment, FEEDBACK_PRIVATE).map(v -> yesOrNo(FEEDBACK_PRIVATE, v)).orElse(false),
                optional(environment, HEARTBEAT_FILE).map(Path::of));
    }

    private static String token(Map<String, String> environment) {
        Optional<String> direct = optional(environment, TOKEN);
        Optional<String> file = optional(environment, TOKEN_FILE);
        if (direct.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException("set " + TOKEN + " or " + TOKEN_FILE + ", not both");
        }
        if (file.isEmpty()) {
            return direct.orElse("");
        }
        Path path = Path.of(file.get());
        try {
            if (Files.size(path) > MAX_TOKEN_FILE_BYTES) {
                throw new IllegalArgumentException(TOKEN_FILE + " names " + path + ", which is larger than "
                        + MAX_TOKEN_FILE_BYTES + " bytes: not a bot token");
            }
            // The message never quotes the file: it may hold the token.
            String token = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new IllegalArgumentException(TOKEN_FILE + " names " + path + ", which is empty");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalArgumentException(TOKEN_FILE + " names " + path + ", which cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static boolean yesOrNo(String name, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }

    @Override
    public String toString() {
        return "BotConfig[token=(hidden), guildId=" + guildId + ", adminIds=" + adminIds + ", questionChannel="
                + questionChannel + ", cooldown=" + cooldown + ", feedbackLog=" + feedbackLog + ", shards=" + shards
                + ", shardId=" + shardId + ", channelLimit=" + channelLimit + ", feedbackMaxBytes=" + feedbackMaxBytes
                + ", feedbackPrivate=" + feedbackPrivate + ", heartbeatFile=" + heartbeatFile + "]";
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
