package org.crisisdesk.answer;

import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisisdesk.index.Language;
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
    /** A number that is not a year ("world war 2", "2 March"): days of the month are in half the texts. */
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,3}");
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
            + " next happened current lead leads leader head heads run runs rule rules ruler charge control"
            + " controls govern governs officially official exactly from into onto upon within via toward towards";

    /** The same in French: function verbs, time words and role words that name nothing of their own. */
    private static final String FRENCH_GENERIC_WORDS = "fin finir finit terminer termine mettre mis met faire fait"
            + " faits passer passe avoir etre aller va venir vient chose choses gens personne pays monde situation"
            + " actuel actuelle actuellement maintenant toujours encore depuis apres avant pendant dernier derniere"
            + " dernieres nouvelles nouveau nouvelle vrai vraiment officiellement debut commencer commence arriver"
            + " arrive role principal principale raison raisons cause causes consequence consequences resultat"
            + " diriger dirige dirigeant chef tete controle controler controlent gouverner gouverne aujourd hui"
            + " quoi neuf grand grande petit petite premier premiere histoire";

    /** Each language's everyday words as its own chain analyses them (the stems differ). */
    private final Map<Language, Set<String>> genericTerms = new EnumMap<>(Language.class);

    ConceptWeights(TextAnalysis analysis) {
        genericTerms.put(Language.EN, analysed(analysis, GENERIC_WORDS, Language.EN));
        genericTerms.put(Language.FR, analysed(analysis, FRENCH_GENERIC_WORDS, Language.FR));
    }

    private static Set<String> analysed(TextAnalysis analysis, String words, Language language) {
        Set<String> terms = new HashSet<>();
        for (String word : words.split(" ")) {
            terms.addAll(analysis.terms(word, language));
        }
        return Set.copyOf(terms);
    }

    /**
     * Whether a concept is one everyday word ("end", "happen", "next", "leader") that names nothing of its own,
     * alone or with the words of its synonym group.
     */
    boolean isGeneric(List<String> terms, Language language) {
        List<String> words = terms.stream().filter(t -> !TextAnalysis.isAliasTerm(t)).toList();
        boolean noName = terms.stream().filter(TextAnalysis::isAliasTerm).allMatch(TextAnalysis::isSynonymTerm);
        return words.size() == 1 && noName && (genericTerms.get(language).contains(words.get(0))
                || SMALL_NUMBER.matcher(words.get(0)).matches());
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
        if (terms.size() == 1 && YEAR.matcher(terms.get(0)).matches()) {
            return maxIdf;
        }
        if (isGeneric(terms, french ? Language.FR : Language.EN)) {
            return idf * GENERIC;
        }
        if (unknown && french) {
            return idf * UNKNOWN_IN_FRENCH;
        }
        return idf;
    }
}
