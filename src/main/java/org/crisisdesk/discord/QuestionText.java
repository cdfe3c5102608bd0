package org.crisisdesk.discord;

import java.util.regex.Pattern;

/**
 * A question as typed on Discord, with Discord's mentions and markup taken out: what the feedback log keeps and
 * what the engine needs. A user, role or channel mention is an id, which in a log identifies a person and means
 * nothing to the engine; {@code @everyone} and {@code @here} would ping if a log line were ever pasted back into
 * Discord; custom emoji, timestamps, command mentions and formatting marks are noise to both.
 */
public final class QuestionText {

    /**
     * Formatting marks: code backticks, spoiler bars and the doubled bold, underline and strike-through marks. They
     * go first, and with nothing in their place, so that removing them cannot join the halves of a mention
     * ({@code <`@123>}); mentions are replaced by a space, which cannot join anything.
     */
    private static final Pattern FORMATTING = Pattern.compile("`+|\\|\\||\\*\\*|__|~~");

    /**
     * User {@code <@123>} and {@code <@!123>}, role {@code <@&123>} and channel {@code <#123>} mentions, custom
     * emoji {@code <:name:123>} and {@code <a:name:123>}, slash-command mentions {@code </name:123>} and timestamps
     * {@code <t:1700000000:R>}; and {@code @everyone} and {@code @here}, which Discord reads anywhere in a message.
     */
    private static final Pattern MARKUP = Pattern.compile(
            "<(?:@[!&]?\\d+|#\\d+|a?:\\w+:\\d+|/[\\w -]+:\\d+|t:-?\\d+(?::[a-zA-Z])?)>|@(?:everyone|here)");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private QuestionText() {
    }

    /** {@code text} without Discord's mentions and markup, its spaces collapsed and trimmed; never null. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String unformatted = text;
        String previous;
        do { // "*`*" is "**" once its backtick is gone
            previous = unformatted;
            unformatted = FORMATTING.matcher(previous).replaceAll("");
        } while (!unformatted.equals(previous));
        String unmarked = MARKUP.matcher(unformatted).replaceAll(" ");
        return SPACES.matcher(unmarked).replaceAll(" ").strip();
    }
}
