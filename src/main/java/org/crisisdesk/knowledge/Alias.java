package org.crisisdesk.knowledge;

import java.util.List;

/**
 * Names that mean the same thing (IBK, Ibrahim Boubacar Keïta); the first one is the canonical name. A synonym
 * group ({@code synonyms:} in the knowledge base) is words rather than names (withdraw, pull out, retrait): it helps
 * questions find texts that say the same thing in other words, but names nothing, so the French-English check and
 * the timeline's topics leave it alone.
 */
public record Alias(List<String> names, Origin origin, boolean synonym) {

    public Alias {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an alias needs at least one name");
        }
    }

    /** Names of one thing. */
    public Alias(List<String> names, Origin origin) {
        this(names, origin, false);
    }

    public String canonical() {
        return names.get(0);
    }
}
