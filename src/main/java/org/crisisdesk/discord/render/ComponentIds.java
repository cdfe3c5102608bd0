package org.crisisdesk.discord.render;

import java.util.Optional;

/**
 * What a button says when clicked. Paging state travels in the custom id itself (at most 100 characters), so
 * timeline and source pages keep working after a restart; answers are too long for that and are kept by key.
 */
public final class ComponentIds {

    public static final String ASK_MORE = "ask:more:";
    public static final String ASK_UP = "ask:up:";
    public static final String ASK_DOWN = "ask:down:";
    public static final String TIMELINE = "tl|";
    public static final String SOURCES = "src:";

    /** Where a timeline button leads: the same filters, another offset. Dates are in their normalised form. */
    public record TimelinePosition(int offset, String from, String to, String topic) {

        public String id() {
            return TIMELINE + offset + "|" + from + "|" + to + "|" + topic;
        }

        public static Optional<TimelinePosition> parse(String id) {
            if (!id.startsWith(TIMELINE)) {
                return Optional.empty();
            }
            String[] parts = id.substring(TIMELINE.length()).split("\\|", 4);
            if (parts.length != 4) {
                return Optional.empty();
            }
            return number(parts[0]).map(offset -> new TimelinePosition(offset, parts[1], parts[2], parts[3]));
        }
    }

    /** The answer a "More" button belongs to and how many snippets it should show. */
    public record More(String key, int shown) {

        public String id() {
            return ASK_MORE + key + ":" + shown;
        }

        public static Optional<More> parse(String id) {
            if (!id.startsWith(ASK_MORE)) {
                return Optional.empty();
            }
            String[] parts = id.substring(ASK_MORE.length()).split(":", 2);
            return parts.length == 2 ? number(parts[1]).map(n -> new More(parts[0], n)) : Optional.empty();
        }
    }

    /** A 👍 or 👎 on an answer. */
    public record Vote(String key, boolean up) {

        public String id() {
            return (up ? ASK_UP : ASK_DOWN) + key;
        }

        public static Optional<Vote> parse(String id) {
            if (id.startsWith(ASK_UP)) {
                return Optional.of(new Vote(id.substring(ASK_UP.length()), true));
            }
            if (id.startsWith(ASK_DOWN)) {
                return Optional.of(new Vote(id.substring(ASK_DOWN.length()), false));
            }
            return Optional.empty();
        }
    }

    public static String sources(int offset) {
        return SOURCES + offset;
    }

    public static Optional<Integer> sourcesOffset(String id) {
        return id.startsWith(SOURCES) ? number(id.substring(SOURCES.length())) : Optional.empty();
    }

    private ComponentIds() {
    }

    private static Optional<Integer> number(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
