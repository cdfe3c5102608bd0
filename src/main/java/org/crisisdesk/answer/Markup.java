package org.crisisdesk.answer;

import java.util.regex.Pattern;

/**
 * Chat markup that is not part of a question: Discord's user, role and channel mentions, {@code @everyone} and
 * {@code @here}, custom emoji, slash-command mentions, timestamps, code and formatting marks, quote marks, and a
 * leading "@name" typed to address the bot. Removed before a question is read, whichever front end it came from, so
 * that "@crisisdesk @everyone who led the 2020 coup? <@&123>" is read as "who led the 2020 coup?"; the Discord front
 * end and its feedback log use the same rule.
 */
public final class Markup {

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


    /** A leading "@name" addressed to the bot, as typed before the client turns it into a mention. */
    private static final Pattern LEADING_ADDRESS = Pattern.compile("^(?:@[\\p{L}\\p{N}_.-]+[\\s,:]*)+");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Markup() {
    }

    /**
     * Block-quote marks at the start of each line ("> > text"), removed by a loop rather than a pattern: a repeated
     * group over a long run of marks overflows the regular-expression engine's stack.
     */
    private static String withoutQuoteMarks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = true;
                out.append(c);
            } else if (lineStart && (c == '>' || Character.isWhitespace(c))) {
                out.append(' ');
            } else {
                lineStart = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} without mentions, markup and a leading address, its spaces collapsed and trimmed; never null. */
    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        // Each pass only removes; removing a leading address can bare a quote mark and the other way round, so
        // passes repeat until nothing changes (stripping twice must change nothing).
        String stripped = text;
        String before;
        do {
            before = stripped;
            stripped = pass(before);
        } while (!stripped.equals(before));
        return stripped;
    }

    private static String pass(String text) {
        String unformatted = text;
        String previous;
        do { // "*`*" is "**" once its backtick is gone
            previous = unformatted;
            unformatted = FORMATTING.matcher(previous).replaceAll("");
        } while (!unformatted.equals(previous));
        String unmarked = MARKUP.matcher(unformatted).replaceAll(" ");
        String unquoted = withoutQuoteMarks(unmarked);
        String spaced = SPACES.matcher(unquoted).replaceAll(" ").strip();
        return LEADING_ADDRESS.matcher(spaced).replaceAll("").strip();
    }
}
