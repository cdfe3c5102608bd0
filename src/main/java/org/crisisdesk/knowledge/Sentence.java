package org.crisisdesk.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * One claim of a passage, in English and French, with the sources that back this sentence (not the passage).
 *
 * @param note        when sources disagree on something this sentence says: both values and who gives them
 * @param unconfirmed reported but not confirmed by a first-tier source; the note says what each side says
 */
public record Sentence(
        String en,
        Optional<String> fr,
        List<String> sources,
        Optional<String> note,
        Optional<String> noteFr,
        boolean unconfirmed,
        Origin origin) {

    public Sentence {
        sources = List.copyOf(sources);
    }

    /** The text in {@code language} ("fr" or "en"), English when there is no French. */
    public String text(String language) {
        return "fr".equals(language) ? fr.orElse(en) : en;
    }

    /** The note in {@code language}, English when there is no French. */
    public Optional<String> note(String language) {
        return "fr".equals(language) && noteFr.isPresent() ? noteFr : note;
    }
}
