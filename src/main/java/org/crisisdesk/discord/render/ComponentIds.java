package org.crisisdesk.discord.render;

import java.util.Optional;

/**
 * What a button says when clicked. Paging state travels in the custom id itself (at most 100 characters), so
 * timeline and source pages keep working after a restart; answers are too long for that and are kept by key.
 * {@code owner} is the user a message was made for: only they may change it in place, others get their own copy.
 */
public final class ComponentIds {

    public static final String ASK_MORE = "ask:more:";
    public static final String ASK_UP = "ask:up:";
    public static final String ASK_DOWN = "ask:down:";
    public static final String ASK_SOURCES = "ask:src:";
    public static final String ASK_ALTERNATIVE = "ask:alt:";
    public static final String TIMELINE = "tl|";
    public static final String TIMELINE_DISPUTES = "tlx|";
    public static final String SOURCES = "src|";

    /** Where a timeline button leads: the same filters, another offset. Dates are in their normalised form. */
    public record TimelinePosition(int offset, String from, String to, String topic) {

        public String id() {
            return TIMELINE + offset + "|" + from + "|" + to + "|" + topic;
        }

        /** The "Disputes" button of the page at this position. */
        public String disputesId() {
            return TIMELINE_DISPUTES + offset + "|" + from + "|" + to + "|" + topic;
        }

        public static Optional<TimelinePosition> parse(String id) {
            return parse(id, TIMELINE);
        }

        public static Optional<TimelinePosition> parseDisputes(String id) {
            return parse(id, TIMELINE_DISPUTES);
        }

        private static Optional<TimelinePosition> parse(String id, String prefix) {
            if (!id.startsWith(prefix)) {
                return Optional.empty();
            }
            String[] parts = id.substring(prefix.length()).split("\\|", 4);
            if (parts.length != 4) {
                return Optional.empty();
            }
            return number(parts[0]).map(offset -> new TimelinePosition(offset, parts[1], parts[2], parts[3]));
        }
    }

    /** The answer a "More" button belongs to, how many snippets it should show, and whose message it is. */
    public record More(String key, int shown, long owner) {

        public String id() {
            return ASK_MORE + key + ":" + shown + ":" + owner;
        }

        public static Optional<More> parse(String id) {
            return keyNumberOwner(id, ASK_MORE).map(p -> new More(p.key(), p.number(), p.owner()));
        }
    }

    /** A suggestion or "did you mean" on an abstention: the {@code index}-th question it offers to ask. */
    public record Alternative(String key, int index, long owner) {

        public String id() {
            return ASK_ALTERNATIVE + key + ":" + index + ":" + owner;
        }

        public static Optional<Alternative> parse(String id) {
            return keyNumberOwner(id, ASK_ALTERNATIVE).map(p -> new Alternative(p.key(), p.number(), p.owner()));
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

    /** The "Sources" button of an answer. */
    public static String answerSources(String key) {
        return ASK_SOURCES + key;
    }

    public static Optional<String> answerSourcesKey(String id) {
        return id.startsWith(ASK_SOURCES) ? Optional.of(id.substring(ASK_SOURCES.length())) : Optional.empty();
    }

    /** The answer key any of an answer's buttons carries: how a reply to that answer finds its conversation. */
    public static Optional<String> answerKey(String id) {
        return More.parse(id).map(More::key)
                .or(() -> Vote.parse(id).map(Vote::key))
                .or(() -> Alternative.parse(id).map(Alternative::key))
                .or(() -> answerSourcesKey(id));
    }

    /** A page of /sources: where it starts and what was searched for ("" for everything). */
    public record SourcesPosition(int offset, String search) {

        public String id() {
            return SOURCES + offset + "|" + search;
        }

        public static Optional<SourcesPosition> parse(String id) {
            if (!id.startsWith(SOURCES)) {
                return Optional.empty();
            }
            String[] parts = id.substring(SOURCES.length()).split("\\|", 2);
            return parts.length == 2 ? number(parts[0]).map(n -> new SourcesPosition(n, parts[1]))
                    : Optional.empty();
        }
    }

    private ComponentIds() {
    }

    /** The three parts of {@code prefix + key:number:owner}. */
    private record KeyNumberOwner(String key, int number, long owner) {
    }

    private static Optional<KeyNumberOwner> keyNumberOwner(String id, String prefix) {
        if (!id.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = id.substring(prefix.length()).split(":", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<Long> owner = user(parts[2]);
        return number(parts[1]).flatMap(n -> owner.map(o -> new KeyNumberOwner(parts[0], n, o)));
    }

    private static Optional<Integer> number(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> user(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
