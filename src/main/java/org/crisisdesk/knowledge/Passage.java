package org.crisisdesk.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A few sentences about one thing, in our own words, that the bot quotes as an answer. {@code about} says what
 * kind of thing, when the curator said so: "who" questions prefer passages about a person.
 */
public record Passage(
        String id,
        String title,
        String text,
        Optional<Subject> about,
        List<String> tags,
        List<String> questions,
        List<String> keywords,
        List<String> sources,
        Optional<String> note,
        Origin origin) {

    /** What a passage is about, as far as questions care. */
    public enum Subject {
        PERSON, ORGANISATION, PLACE, EVENT, TOPIC;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Subject> parse(String text) {
            for (Subject subject : values()) {
                if (subject.label().equals(text)) {
                    return Optional.of(subject);
                }
            }
            return Optional.empty();
        }
    }

    public Passage {
        tags = List.copyOf(tags);
        questions = List.copyOf(questions);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
    }
}
