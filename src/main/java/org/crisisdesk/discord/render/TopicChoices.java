package org.crisisdesk.discord.render;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Autocomplete for a topic: those starting with what was typed first, then those containing it; Discord's caps. */
public final class TopicChoices {

    private TopicChoices() {
    }

    public static List<String> matching(List<String> topics, String typed, int maxLength) {
        String prefix = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return Stream.concat(
                        topics.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith(prefix)),
                        topics.stream().filter(t -> !t.toLowerCase(Locale.ROOT).startsWith(prefix)
                                && t.toLowerCase(Locale.ROOT).contains(prefix)))
                .filter(t -> !t.isBlank() && t.length() <= Math.min(maxLength, Limits.CHOICE_NAME))
                .limit(Limits.CHOICES)
                .toList();
    }
}
