package org.crisisdesk.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Text as hostile users and broken clients send it: any Unicode, invisible and right-to-left controls, Lucene
 * query syntax, Discord markdown and mentions, emoji, and now and then the same piece thousands of times.
 */
public final class HostileText {

    private HostileText() {
    }

    public static Arbitrary<String> arbitrary() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("\u200B\u200C\u200D\u202A\u202B\u202E\u2066\u2069\uFEFF\u0000\u0007")
                        .ofMaxLength(10),
                Arbitraries.of("AND", "OR", "NOT", "*", "?", "~", "~2", "\"", ":", "(", ")", "[", "]", "{", "}", "^",
                        "\\", "/", "+", "-", "&&", "||", "title:", "text:[a TO z]", "minusma~", "ke*ta"),
                Arbitraries.of("@everyone", "@here", "<@123456789012345678>", "<@&987654321>", "<#111>", "**", "__",
                        "~~", "||spoiler||", "`", "```", "> ", "# ", "[link](https://example.org)"),
                Arbitraries.of("Keïta", "MINUSMA", "CEDEAO", "N'Daw", "coup", "2020", "Goïta", "مالي", "מאלי",
                        "🇲🇱", "👍🏽", "ｍｉｎｕｓｍａ"));
        Arbitrary<String> joined = pieces.list().ofMaxSize(30).map(list -> String.join(" ", list));
        Arbitrary<String> long_ = Combinators.combine(pieces, Arbitraries.integers().between(100, 3_000))
                .as((piece, times) -> (piece + " ").repeat(times));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, joined), net.jqwik.api.Tuple.of(1, long_));
    }
}
