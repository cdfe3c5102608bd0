package org.crisisdesk.knowledge;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of publisher a source is, which decides how much a claim resting on it can be trusted. The first three
 * are first tier; a sentence whose only support is one of the last three is refused.
 */
public enum SourceKind {
    /** UN, governments, ECOWAS, courts, the parties' own statements. */
    PRIMARY(true, false),
    /** Wire services and major outlets: Reuters, AP, AFP, BBC, Al Jazeera, RFI, France 24, Le Monde, DW, VOA… */
    MAJOR(true, false),
    /** Crisis Group, ACLED, SIPRI, HRW, Amnesty, universities and peer-reviewed work. */
    RESEARCH(true, false),
    /** Regional or national press: useful, second tier. */
    PRESS(false, false),
    /** Wikipedia and other reference works: a pointer to sources, never a claim's only support. */
    REFERENCE(false, true),
    /** Aggregators, mirrors, content farms and blogs that republish without saying where from. */
    AGGREGATOR(false, true),
    /** State propaganda outlets (Sputnik, teleSUR…). */
    PROPAGANDA(false, true);

    private final boolean firstTier;
    private final boolean weak;

    SourceKind(boolean firstTier, boolean weak) {
        this.firstTier = firstTier;
        this.weak = weak;
    }

    public boolean firstTier() {
        return firstTier;
    }

    /** Never enough on its own. */
    public boolean weak() {
        return weak;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceKind> parse(String text) {
        for (SourceKind kind : values()) {
            if (kind.label().equals(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    static String choices() {
        StringBuilder out = new StringBuilder();
        for (SourceKind kind : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(kind.label());
        }
        return out.toString();
    }
}
