package org.crisisdesk.discord.render;

import java.util.regex.Pattern;

/** Discord-flavoured markdown: escaping text people typed, and cutting long text where a reader expects it. */
public final class Markdown {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\*_~`|>\\[\\]<])");
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)([#-])");
    private static final String ELLIPSIS = "…";

    private Markdown() {
    }

    /**
     * Escapes everything Discord would format, and breaks mentions with a zero-width space: allowed mentions
     * already stop pings, this also stops {@code @everyone} from rendering as a mention at all.
     */
    public static String escape(String text) {
        String escaped = SPECIAL.matcher(text).replaceAll("\\\\$1");
        escaped = LINE_START.matcher(escaped).replaceAll("$1\\\\$2");
        return escaped.replace("@", "@\u200B");
    }

    /**
     * At most {@code max} characters: at the end of the last whole sentence that keeps at least half the budget,
     * otherwise at the last word boundary with an ellipsis; never inside a word.
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(0, max));
        }
        int sentenceEnd = lastSentenceEnd(text, max);
        if (sentenceEnd >= max / 2) {
            return text.substring(0, sentenceEnd).stripTrailing();
        }
        int limit = max - ELLIPSIS.length();
        int space = lastWhitespace(text, limit);
        String head = space > 0 ? text.substring(0, space) : "";
        return head.stripTrailing() + ELLIPSIS;
    }

    /** End index (exclusive) of the last sentence that ends within {@code max} characters, or -1. */
    private static int lastSentenceEnd(String text, int max) {
        for (int i = Math.min(max, text.length()) - 1; i > 0; i--) {
            char c = text.charAt(i);
            boolean terminal = c == '.' || c == '!' || c == '?' || c == '\n';
            boolean followedByBreak = i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
            if (terminal && followedByBreak && text.charAt(i - 1) != '\\') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Index of the last whitespace at or before {@code limit} (a cut there never splits a word), or -1. */
    private static int lastWhitespace(String text, int limit) {
        for (int i = Math.min(limit, text.length() - 1); i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
