package org.crisisdesk.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.index.Language;

/**
 * Whether a question is French or English, from the words people use to ask in each: function words, question
 * words and their chat spellings ("c koi", "ki", "pk"), elisions ("l'", "qu'") and accented letters. Names (Mali,
 * MINUSMA, Goïta) say nothing either way and are not counted. Empty when the question gives no sign, so that a
 * caller can fall back on what it knows (Discord's locale, the conversation so far).
 */
public final class LanguageDetector {

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "de", "un", "une", "et", "est",
            "sont", "qui", "que", "quoi", "quand", "pourquoi", "comment", "combien", "quel", "quelle", "quels",
            "quelles", "ou", "où", "au", "aux", "dans", "pour", "avec", "sur", "par", "il", "elle", "ils", "elles",
            "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "pas", "ne", "mais", "aussi", "encore",
            "toujours", "maintenant", "aujourd'hui", "actuellement", "c", "koi", "ki", "pk", "pq", "kel", "kelle",
            "ya", "y'a", "a-t-il", "a-t-elle", "est-ce", "qu'est-ce", "c'est", "s'est", "n'est", "depuis", "contre",
            "entre", "été", "était", "fait", "passé", "dit", "moi", "nous", "vous", "tu", "je", "on",
            "situation", "guerre", "armée", "président", "dernières", "nouvelles", "chef", "pays");
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "is", "was", "are", "were", "in", "to",
            "by", "on", "for", "that", "with", "has", "have", "had", "from", "who", "what", "whats", "when", "why",
            "how", "where", "which", "did", "does", "do", "it", "they", "he", "she", "his", "her", "their", "there",
            "any", "about", "after", "still", "now", "happened", "happen", "between", "vs", "rn", "wat", "wut",
            "whos", "u", "r", "tell", "me", "latest", "news", "leader", "army", "war", "country");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+(?:['’-][\\p{L}]+)*");
    private static final Pattern ELISION = Pattern.compile("(?i)\\b(?:l|d|qu|j|n|s|c)['’]\\p{L}");
    private static final Pattern FRENCH_LETTERS = Pattern.compile("[éèêàùâîôûçœ]");

    private LanguageDetector() {
    }

    public static Optional<Language> detect(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        double french = 0;
        double english = 0;
        Matcher words = WORD.matcher(lower.replace('’', '\''));
        while (words.find()) {
            String word = words.group();
            if (FRENCH.contains(word)) {
                french++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        Matcher elisions = ELISION.matcher(lower);
        while (elisions.find()) {
            french += 1;
        }
        // Accents count a little: names carry them too (Goïta, Keïta, Ménaka).
        if (FRENCH_LETTERS.matcher(lower.replaceAll("go[iï]ta|ke[iï]ta|m[ée]naka|tombouctou", "")).find()) {
            french += 0.5;
        }
        if (french > english) {
            return Optional.of(Language.FR);
        }
        if (english > french) {
            return Optional.of(Language.EN);
        }
        return Optional.empty();
    }
}
