package org.crisisdesk.knowledge;

import java.text.Normalizer;
import java.util.Locale;

/** How names compare everywhere: case, accents and runs of white space never make two names different. */
public final class Names {

    private Names() {
    }

    /** Lower case, accents removed, single spaces: Keïta, KEITA and "keita " fold to the same key. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
