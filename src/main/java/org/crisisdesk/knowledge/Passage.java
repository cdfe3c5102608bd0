package org.crisisdesk.knowledge;

import java.util.List;
import java.util.Optional;

/** A few sentences about one thing, in our own words, that the bot quotes as an answer. */
public record Passage(
        String id,
        String title,
        String text,
        List<String> tags,
        List<String> questions,
        List<String> keywords,
        List<String> sources,
        Optional<String> note,
        Origin origin) {

    public Passage {
        tags = List.copyOf(tags);
        questions = List.copyOf(questions);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
    }
}
