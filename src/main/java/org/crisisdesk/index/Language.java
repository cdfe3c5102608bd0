package org.crisisdesk.index;

import java.util.Locale;
import java.util.Optional;

/** The two languages the knowledge base is written in and questions are answered in. */
public enum Language {
    EN, FR;

    /** The two-letter code: "en", "fr". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        // Discord locales: "fr", "en-US", "en-GB"…
        if (lower.startsWith("fr")) {
            return Optional.of(FR);
        }
        if (lower.startsWith("en")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
