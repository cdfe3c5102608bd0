package org.crisisdesk.security;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Orders Maven version strings the way the dependency floors need: numbers compare as numbers
 * ({@code 2.21.10 > 2.21.8}), missing numbers count as zero ({@code 2.21 == 2.21.0}), and a pre-release qualifier
 * ({@code -rc1}, {@code -beta}, {@code -SNAPSHOT}, …) comes before the release it leads to, while a variant qualifier
 * such as Guava's {@code -jre} does not lower a version.
 */
final class MavenVersion {

    /** Pre-release qualifiers, oldest first (an abbreviation right after its long form). */
    private static final List<String> PRE_RELEASE = List.of("dev", "ea", "alpha", "a", "beta", "b", "milestone", "m",
            "preview", "rc", "cr", "snapshot");
    private static final Set<String> RELEASE = Set.of("", "final", "ga", "release");

    private MavenVersion() {
    }

    /** Negative, zero or positive as {@code left} is older than, the same as or newer than {@code right}. */
    static int compare(String left, String right) {
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int order = compareToken(i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Runs of digits and runs of letters, lower-cased; separators ('.', '-', '_', '+') dropped. */
    private static List<String> tokens(String version) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (char c : version.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            boolean separator = !Character.isLetterOrDigit(c);
            boolean kindChanges = current.length() > 0
                    && Character.isDigit(c) != Character.isDigit(current.charAt(current.length() - 1));
            if (separator || kindChanges) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            }
            if (!separator) {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** A missing token (null) is a zero next to a number and a plain release next to a qualifier. */
    private static int compareToken(String a, String b) {
        boolean aNumber = a == null ? isNumber(b) : isNumber(a);
        boolean bNumber = b == null ? isNumber(a) : isNumber(b);
        if (aNumber && bNumber) {
            return new BigInteger(a == null ? "0" : a).compareTo(new BigInteger(b == null ? "0" : b));
        }
        if (aNumber != bNumber) {
            // 1.0.1 is newer than 1.0-rc1 and than 1.0-jre: a number outranks a qualifier in the same place.
            return aNumber ? 1 : -1;
        }
        return Integer.compare(rank(a), rank(b));
    }

    /** Pre-releases in Maven's order (alpha, beta, milestone, rc, snapshot), then the release, then variants. */
    private static int rank(String qualifier) {
        String q = qualifier == null ? "" : qualifier;
        int preRelease = PRE_RELEASE.indexOf(q);
        if (preRelease >= 0) {
            return preRelease;
        }
        return RELEASE.contains(q) ? PRE_RELEASE.size() : PRE_RELEASE.size() + 1;
    }

    private static boolean isNumber(String token) {
        return token != null && !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }
}
