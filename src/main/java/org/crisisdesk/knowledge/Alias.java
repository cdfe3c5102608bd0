package org.crisisdesk.knowledge;

import java.util.List;

/** Names that mean the same thing (IBK, Ibrahim Boubacar Keïta); the first one is the canonical name. */
public record Alias(List<String> names, Origin origin) {

    public Alias {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an alias needs at least one name");
        }
    }

    public String canonical() {
        return names.get(0);
    }
}
