package org.crisisdesk.answer;

import java.util.regex.Pattern;

/**
 * Chat markup that is not part of a question: Discord mentions of users, roles and channels, {@code @everyone} and
 * {@code @here}, custom emoji, code marks and emphasis. Removed before a question is read, whichever front end it
 * came from, so that "@crisisdesk @everyone who led the 2020 coup? <@&123>" is read as "who led the 2020 coup?".
 */
public final class Markup {

    private static final Pattern MENTION = Pattern.compile("<(?:@[!&]?|#)\\d+>");
    private static final Pattern EMOJI = Pattern.compile("<a?:[A-Za-z0-9_~]+:\\d+>");
    private static final Pattern EVERYONE = Pattern.compile("@(?:everyone|here)\\b");
    /** A leading "@name" addressed to the bot, as typed before the client turns it into a mention. */
    private static final Pattern LEADING_ADDRESS = Pattern.compile("^(?:@[\\p{L}\\p{N}_.-]+[\\s,:]*)+");
    private static final Pattern MARKS = Pattern.compile("`+|\\*\\*|__|~~|\\|\\||^>+\\s?", Pattern.MULTILINE);
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private Markup() {
    }

    /** The text without mentions, custom emoji and formatting marks, white space collapsed. */
    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        String out = MENTION.matcher(text).replaceAll(" ");
        out = EMOJI.matcher(out).replaceAll(" ");
        out = EVERYONE.matcher(out).replaceAll(" ");
        out = MARKS.matcher(out).replaceAll(" ");
        out = LEADING_ADDRESS.matcher(out.strip()).replaceAll("");
        return SPACES.matcher(out).replaceAll(" ").strip();
    }
}
