package org.crisisdesk.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisisdesk.index.TextAnalysis;

/**
 * How much each word of a question counts towards confidence, beyond its rarity in the knowledge base:
 * everyday English words ("end up", "job", "people") say little about what is asked and count less; years say a
 * lot ("the 2022 election" is not the 2013 one) and count fully; and in a French question a word the English
 * base has never seen is most likely French vocabulary rather than an unknown subject, so it counts less.
 */
final class ConceptWeights {

    static final double GENERIC = 0.3;
    static final double UNKNOWN_IN_FRENCH = 0.6;

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern FRENCH_MARKERS = Pattern.compile(
            "(?iu)\\b(le|la|les|des|du|est|sont|ont|qui|quand|pourquoi|comment|quel|quelle|quels|quelles|combien|"
                    + "depuis|pour|avec|dans|une|aux|au|été|était|a-t-il|a-t-elle|ont-ils|sont-ils|qu'est-ce|c'est)\\b");

    private static final String GENERIC_WORDS = "end up go goes going went gone come came get got make made take took"
            + " give gave put say said see saw look want need use used find found think become became begin began"
            + " start started stop keep kept let people person thing things way time times day days new old first"
            + " last much more most other others such same long great little own right big high different small"
            + " large next early young important few able job home work part place case point fact lot kind sort"
            + " really actually also just still even ever now then today currently later ago again back out off"
            + " over under down mean means meaning name named call called happen happens role main country"
            + " countries world get situation issue problem problems reason reasons result results way ways"
            + " number numbers well good bad like try tried show shows bring brought turn turned meant"
            + " cause causes caused reason effect effects impact consequence consequences ask asked after before"
            + " since during latest news newest recent update updates going happening situation safe safety"
            + " next happened current";

    private final Set<String> genericTerms;

    ConceptWeights(TextAnalysis analysis) {
        Set<String> terms = new HashSet<>();
        for (String word : GENERIC_WORDS.split(" ")) {
            terms.addAll(analysis.terms(word));
        }
        this.genericTerms = Set.copyOf(terms);
    }

    /** Whether a concept is one everyday word ("end", "happen", "next") that names nothing of its own. */
    boolean isGeneric(List<String> terms) {
        return terms.size() == 1 && genericTerms.contains(terms.get(0));
    }

    static boolean looksFrench(String question) {
        return FRENCH_MARKERS.matcher(question.toLowerCase(Locale.ROOT)).results().count() >= 2;
    }

    /**
     * The weight of one concept.
     *
     * @param terms the concept's terms (one word, or the names of an alias)
     * @param idf its rarity in the knowledge base
     * @param maxIdf the rarity of a word the base has never seen
     */
    double weight(List<String> terms, double idf, double maxIdf, boolean unknown, boolean french) {
        if (terms.size() == 1) {
            String term = terms.get(0);
            if (YEAR.matcher(term).matches()) {
                return maxIdf;
            }
            if (genericTerms.contains(term)) {
                return idf * GENERIC;
            }
        }
        if (unknown && french) {
            return idf * UNKNOWN_IN_FRENCH;
        }
        return idf;
    }
}
