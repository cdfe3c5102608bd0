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
 * @param shards           gateway shards to run
 */
public record BotConfig(String token, Optional<Long> guildId, Set<Long> adminIds, Optional<Long> questionChannel,
                        Duration cooldown, Path feedbackLog, int shards) {

    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String GUILD = "CRISISDESK_GUILD_ID";
    public static final String ADMINS = "CRISISDESK_ADMIN_IDS";
    public static final String QUESTION_CHANNEL = "CRISISDESK_QUESTION_CHANNEL";
    public static final String COOLDOWN = "CRISISDESK_COOLDOWN_SECONDS";
    public static final String FEEDBACK_LOG = "CRISISDESK_FEEDBACK_LOG";
    public static final String SHARDS = "CRISISDESK_SHARDS";

    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(5);
    public static final Path DEFAULT_FEEDBACK_LOG = Path.of("data", "feedback.jsonl");

    public BotConfig {
        adminIds = Set.copyOf(adminIds);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the Discord bot needs a bot token in " + TOKEN);
        }
        if (shards < 1) {
            throw new IllegalArgumentException(SHARDS + " must be at least 1");
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
                optional(environment, SHARDS).map(v -> (int) number(SHARDS, v, 1, 1024)).orElse(1));
    }

    @Override
    public String toString() {
        return "BotConfig[token=(hidden), guildId=" + guildId + ", adminIds=" + adminIds + ", questionChannel="
                + questionChannel + ", cooldown=" + cooldown + ", feedbackLog=" + feedbackLog + ", shards=" + shards
                + "]";
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
