package org.crisisdesk.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A few sentences about one thing, in our own words, that the bot quotes as an answer; each sentence carries its
 * own sources. {@code about} says what kind of thing, when the curator said so: "who" questions prefer passages
 * about a person. {@code asOf} marks a passage that states how things are (who leads, who controls) as true on
 * that date, so that questions about the present prefer the latest such passage and say how current it is.
 */
public record Passage(
        String id,
        String title,
        Optional<String> titleFr,
        Optional<Subject> about,
        Optional<PartialDate> asOf,
        List<Sentence> sentences,
        List<String> tags,
        List<String> questions,
        List<String> keywords,
        Optional<String> firstTierMissing,
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
        sentences = List.copyOf(sentences);
        tags = List.copyOf(tags);
        questions = List.copyOf(questions);
        keywords = List.copyOf(keywords);
    }

    /** The English sentences as one text. */
    public String text() {
        return text("en");
    }

    /** The sentences in {@code language} as one text (English where a sentence has no French). */
    public String text(String language) {
        return sentences.stream().map(s -> s.text(language)).collect(Collectors.joining(" "));
    }

    /** The title in {@code language}. */
    public String title(String language) {
        return "fr".equals(language) ? titleFr.orElse(title) : title;
    }

    /** Every source any sentence cites, in order of first citation. */
    public List<String> sources() {
        Set<String> all = new LinkedHashSet<>();
        sentences.forEach(s -> all.addAll(s.sources()));
        return List.copyOf(all);
    }
}
