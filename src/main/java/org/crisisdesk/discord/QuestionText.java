package org.crisisdesk.discord;

import org.crisisdesk.answer.Markup;

/**
 * A question as typed on Discord, with Discord's mentions and markup taken out: what the feedback log keeps and
 * what the engine needs. A user, role or channel mention is an id, which in a log identifies a person and means
 * nothing to the engine; {@code @everyone} and {@code @here} would ping if a log line were ever pasted back into
 * Discord; custom emoji, timestamps, command mentions and formatting marks are noise to both.
 */
public final class QuestionText {

    private QuestionText() {
    }

    /** {@code text} without Discord's mentions and markup, its spaces collapsed and trimmed; never null. */
    public static String clean(String text) {
        return Markup.strip(text);
    }
}
