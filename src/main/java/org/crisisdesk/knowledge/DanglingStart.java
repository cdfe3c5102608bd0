package org.crisisdesk.knowledge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence that opens with a pronoun ("It took up arms…", "He was…") does not say who or what it is about, and
 * the bot shows sentences on their own: curators are warned, and the answer engine adds the sentence before it.
 */
public final class DanglingStart {

    private static final Pattern START = Pattern.compile(
            "^(It|Its|He|His|She|Her|They|Their|Them|This|These|Those|Both|Il|Elle|Ils|Elles|Son|Sa|Ses|Leur|Leurs"
                    + "|Celui-ci|Celle-ci|Ceux-ci|Ce|Cette|Ces)\\b(?![-'’])");

    private DanglingStart() {
    }

    /** The opening pronoun of {@code sentence}, or empty when it opens with something that names its subject. */
    public static Optional<String> of(String sentence) {
        Matcher m = START.matcher(sentence.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
