package org.crisisdesk.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.Names;
import org.crisisdesk.knowledge.PartialDate;

/**
 * Reads what a question asks before anything is searched: its language, the kind of answer it wants (from its
 * question word and focus, in English and French), whether it is about the present, a period, a comparison, or
 * something said before, and whether it is one to refuse outright. Pure and thread-safe.
 */
public final class QuestionReader {

    /** Chat spellings people type, read as the words they stand for (folded text, whole words). */
    private static final Map<String, String> CHAT = Map.ofEntries(
            Map.entry("whos", "who is"), Map.entry("whats", "what is"), Map.entry("wats", "what is"),
            Map.entry("wat", "what"), Map.entry("wut", "what"), Map.entry("wht", "what"), Map.entry("rn", "right now"),
            Map.entry("atm", "at the moment"), Map.entry("u", "you"), Map.entry("ur", "your"),
            Map.entry("hows", "how is"), Map.entry("wheres", "where is"), Map.entry("whens", "when is"),
            Map.entry("koi", "quoi"), Map.entry("ki", "qui"), Map.entry("pk", "pourquoi"), Map.entry("pq", "pourquoi"),
            Map.entry("kel", "quel"), Map.entry("kelle", "quelle"), Map.entry("tjrs", "toujours"),
            Map.entry("tjs", "toujours"), Map.entry("mtn", "maintenant"), Map.entry("auj", "aujourd'hui"),
            Map.entry("stp", ""), Map.entry("svp", ""), Map.entry("pls", ""), Map.entry("plz", ""),
            Map.entry("wen", "when"), Map.entry("wer", "where"), Map.entry("hw", "how"), Map.entry("abt", "about"),
            Map.entry("govt", "government"), Map.entry("gvt", "government"), Map.entry("b4", "before"),
            Map.entry("bc", "because"), Map.entry("cuz", "because"), Map.entry("thx", ""), Map.entry("qd", "quand"),
            Map.entry("kan", "quand"), Map.entry("cb", "combien"), Map.entry("gouv", "gouvernement"));
    private static final Pattern CHAT_WORD = Pattern.compile("(?<![\\p{L}'’])(\\p{L}+)(?![\\p{L}'’])");
    /** "c quoi", "c'est koi": French for "what is". */
    private static final Pattern C_QUOI = Pattern.compile("\\bc(?:'est|est)? (?=quoi\\b)");

    private static final Pattern COMPARISON = Pattern.compile(
            "\\b(?:vs\\.?|versus|difference|differences|differ|different|compare|compared|comparison|contrast"
                    + "|difference entre|differences entre|comparer|comparaison|par rapport)\\b");
    private static final Pattern VS_SPLIT = Pattern.compile("\\s+(?:vs\\.?|versus|contre)\\s+");
    private static final Pattern BETWEEN = Pattern.compile(
            "\\b(?:between|entre)\\s+(.+?)\\s+(?:and|et)\\s+(.+?)(?:\\?|$|\\s+(?:in|en|when|quand|regarding)\\b)");
    private static final Pattern COMPARE = Pattern.compile(
            "\\b(?:compare|comparer)\\s+(.+?)\\s+(?:and|with|to|et|avec|a)\\s+(.+?)(?:\\?|$)");
    private static final Pattern DIFFER_FROM = Pattern.compile(
            "^(?:how|in what way)\\s+(?:is|was|are|were|does|did)\\s+(.+?)\\s+(?:different from|differ from|compare"
                    + " to|compare with)\\s+(.+?)(?:\\?|$)");
    /** A clause after a comma, colon or dash that asks something of both sides. */
    private static final Pattern ASKED_OF_BOTH = Pattern.compile(
            "\\s*(?:[,:;]|\\s[-–]\\s)\\s*((?:how|what|who|which|why|when|where|did|do|does|qui|que|quoi|comment"
                    + "|pourquoi|quand|quel|quelle|quels|quelles)\\b.*)$");
    /** Words that only say two things are compared. */
    private static final Pattern COMPARISON_FILLER = Pattern.compile(
            "\\b(?:each one|each|both|the two|two|those|these|they|them|compare|compared|differ|differently"
                    + "|different|difference|differences|chacun|chacune|les deux|comparer|differemment)\\b|\\?");
    private static final Pattern SIDE_NOISE = Pattern.compile(
            "^(?:what'?s|what is|what are|whats|the|a|an|le|la|les|l')\\s+|\\s*(?:what'?s|whats|what is)?\\s*(?:the )?"
                    + "(?:difference|differences)\\s*\\??$|\\?$");

    private static final Pattern LIST = Pattern.compile(
            "^(?:list|name all|name the|enumerate|liste|lister|enumere)\\b|\\b(?:which|what|quels|quelles)\\s+(?:are\\s+the\\s+|sont\\s+les\\s+)?"
                    + "(?:countries|states|members|groups|presidents|leaders|heads of state|prime ministers|coups"
                    + "|operations|missions|attacks|pays|membres|groupes|presidents|chefs d'etat|premiers ministres)\\b"
                    + "|\\ball the (?:coups|presidents|leaders|prime ministers)\\b|\\bhow many (?:coups|presidents"
                    + "|prime ministers|leaders)\\b|\\bcombien de (?:coups|presidents|putschs)\\b");
    private static final Pattern LATEST = Pattern.compile(
            "\\b(?:latest|newest|most recent|any news|what(?:'s| is) (?:new|happening|going on)|quoi de neuf"
                    + "|dernieres nouvelles|derniere nouvelle|dernieres infos|que se passe-t-il|qu'est-ce qui se passe"
                    + "|ca se passe comment|actualite)\\b");
    private static final Pattern NUMBER = Pattern.compile(
            "\\b(?:how many|how much|death toll|toll|number of|how big|how large|how strong|casualties|combien|bilan"
                    + "|nombre de|chiffre)\\b");
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:when|what year|which year|what date|which date|what day|what month|which month|since when"
                    + "|how long ago|quand|en quelle annee|quelle annee|quelle date|depuis quand|a quelle date"
                    + "|quel jour|en quel mois)\\b");
    private static final Pattern REASON = Pattern.compile(
            "\\b(?:why|what caused|what led to|what triggered|what sparked|what prompted|reason for|reasons for"
                    + "|reason why|reasons why|reason behind|how come|causes of|cause of|pourquoi|pour quelle raison"
                    + "|qu'est-ce qui a (?:cause|provoque|mene)|raisons?|causes? de)\\b");
    private static final Pattern PLACE = Pattern.compile(
            "\\b(?:where|in which (?:town|city|region|country|place)|ou (?:se|est|sont|a|ont|etait|se trouve)"
                    + "|dans quelle (?:ville|region)|quel endroit)\\b|\\bou\\s*\\?$");
    /** "Who is the president?" asks for whoever holds a role; "qui est l'imam Dicko ?" names its person already. */
    private static final Pattern WHO_ROLE = Pattern.compile(
            "\\b(?:who|qui)\\s+(?:is|was|are|were|'s|est|etait|sont)\\s+(?:the|mali'?s|malis|a|an|le|la|les|l'|un|une"
                    + "|currently|now|actuellement)\\b(?!\\s*(?:imam|captain|capitaine|colonel|general|sheikh|cheikh"
                    + "|lieutenant|commandant)\\s+\\w)");
    private static final Pattern WHO_ABOUT = Pattern.compile("^(?:and\\s+)?(?:who|qui)\\s+(?:is|was|are|were|est|etait"
            + "|sont|etaient)\\b");
    private static final Pattern WHO = Pattern.compile("\\b(?:who|whom|whose|qui)\\b");
    private static final Pattern MANNER = Pattern.compile(
            "\\b(?:how (?:did|does|do|is|are|was|were|has|have|can|could|will)|comment)\\b");
    private static final Pattern DEFINITION = Pattern.compile(
            "^(?:and\\s+)?(?:what|wat)\\s+(?:is|was|are|were|'s)\\b|^what does .* mean|\\btell me (?:about|more)"
                    + "|\\bexplain\\b|\\bc'est quoi\\b|\\bqu'est-ce que\\b|\\bqu'est ce que\\b|\\bquoi (?:est|sont)\\b"
                    + "|\\bparle(?:-moi|z-moi)? de\\b|\\bdefin");

    private static final Pattern PRESENT = Pattern.compile(
            "\\b(?:now|right now|currently|current|today|still|at the moment|these days|nowadays|at present"
                    + "|presently|anymore|any more|as of now|so far|maintenant|actuellement|actuel|actuelle"
                    + "|aujourd'hui|en ce moment|encore|toujours|a present|desormais|latest|dernier|derniere)\\b");
    private static final Pattern PRESENT_ROLE = Pattern.compile(
            "\\b(?:who|qui)\\s+(?:is|are|leads|runs|rules|governs|controls|heads|commands|est|dirige|gouverne"
                    + "|controle|commande|tient)\\b|\\b(?:who's|whos) (?:in charge|in control|the)\\b"
                    + "|\\b(?:does|do|is|are)\\s+.*\\b(?:have|control|hold|lead|run|deployed|present|in)\\b");

    private static final Pattern YEAR_OR_MONTH = Pattern.compile(
            "\\b(?:(january|february|march|april|may|june|july|august|september|october|november|december|janvier"
                    + "|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\\s+)?((?:19|20)\\d\\d)\\b");
    private static final Pattern SINCE = Pattern.compile("\\b(?:since|from|after|depuis|apres)\\s+(?:\\w+\\s+)?(?:19|20)\\d\\d\\b");
    private static final String[] MONTHS_EN = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private static final String[] MONTHS_FR = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
        "aout", "septembre", "octobre", "novembre", "decembre"};

    /** "What happened next?", "et ensuite ?": asking what came next presupposes a point to go on from. */
    private static final String NEXT_PHRASE = "\\b(?:(?:what happened|what came|what followed|qu'est-ce qui s'est passe"
            + "|que s'est-il passe)\\s+(?:next|after that|then|ensuite|apres)|et (?:ensuite|apres))\\b";
    private static final Pattern NEXT = Pattern.compile(NEXT_PHRASE);

    private static final Pattern ANAPHORA = Pattern.compile(
            "\\b(?:it|its|they|them|their|he|him|his|she|her|this|that|these|those|there|il|elle|ils|elles|lui|eux"
                    + "|ca|cela|celui-ci|celle-ci|la-bas)\\b|^(?:and|et|what about|how about|et pour|et le|et la"
                    + "|et les)\\b|" + NEXT_PHRASE + "|^(?:why|when|how|where|pourquoi|quand|comment|ou)\\s*\\??$");

    private static final Pattern HARM = Pattern.compile(
            "\\b(?:how|where|can|could|should|comment|ou)\\b.*\\b(?:i|we|you|one|je|on|nous)\\b.*\\b(?:join|enlist|fund"
                    + "|finance|donate to|send money|arm|smuggle|recruit for|buy weapons|get weapons|build|make|assemble"
                    + "|rejoindre|financer|fabriquer|construire|armer|m'engager)\\b"
                    + "|\\b(?:comment|how to|ways to|moyens? de)\\s+(?:rejoindre|financer|fabriquer|construire|armer"
                    + "|join|fund|finance|build|make|arm)\\b"
                    + "|\\b(?:build|make|assemble|fabriquer|construire)\\b.*\\b(?:ied|bomb|explosive|suicide vest"
                    + "|engin explosif|bombe|explosif)s?\\b"
                    + "|\\b(?:join|rejoindre|fund|financer)\\s+(?:jnim|gsim|isis|daesh|the islamic state|is sahel|aqim"
                    + "|wagner|africa corps|the jihadists|les djihadistes|les jihadistes)\\b"
                    + "|\\b(?:send|wire|transfer|get|donate|envoyer|transferer)\\s+(?:money|funds|cash|weapons|arms|argent"
                    + "|fonds|armes)\\s+(?:to|a|aux?)\\s+(?:the\\s+)?(?:fla|jnim|gsim|isis|is sahel|jihadists?|fighters|rebels"
                    + "|combattants|djihadistes|jihadistes|rebelles)\\b"
                    + "|\\b(?:where|how)\\b.*\\b(?:malian army|fama|troops|soldiers|wagner|africa corps|armee)\\b.*\\b(?:positions?"
                    + "|located|stationed|hiding|bases? (?:are|is))\\b");
    private static final Pattern OPINION = Pattern.compile(
            "\\b(?:who(?:'s| is)? (?:right|wrong|to blame|the good guys|the bad guys)|who should win|is .* to blame"
                    + "|(?:is|are) (?:france|russia|the junta|wagner|jnim|goita|the west|ecowas) (?:good|bad|evil|right"
                    + "|wrong|to blame|terrorists)|your opinion|what do you think|do you think|do you support"
                    + "|tell me a joke|a joke|ignore (?:your|all|previous|the)|system prompt|pretend|roleplay"
                    + "|villain|hero or|pick one|pick a side|no hedging|just give me (?:a|one) name|who(?:'s| is) worse"
                    + "|developer mode|system override|you are now|no rules|jailbreak|reveal your|your (?:hidden|secret)"
                    + "|configuration|your instructions|write (?:me )?a (?:rap|song|poem|story)|recipe|joke"
                    + "|qui a raison|qui a tort|qui est responsable de tout|ton avis|votre avis|blague)\\b");

    private QuestionReader() {
    }

    /**
     * Reads {@code raw}. {@code fallback} is the language to answer in when the question itself gives no sign of
     * one (Discord's locale, the conversation's language); without it, English.
     */
    /**
     * Only the kind of answer {@code question} asks for, without the rest of {@link #read}: for the curated
     * questions of every candidate text, where reading them whole cost a tenth of a question's time.
     */
    static AnswerType kind(String question) {
        return type(folded(question));
    }

    /** {@code text} as the patterns read it: folded (no accents, lower case), with typographic apostrophes plain. */
    private static String folded(String text) {
        return Names.fold(text).replace('’', '\'');
    }

    /** "Who overthrew IBK?", "qui a renversé IBK ?": who did something, not who someone is or was. */
    private static final Pattern WHO_BE = Pattern.compile(
            "\\b(?:who|qui)\\s*(?:is|was|are|were|'s|s|est|etait|sont|etaient|c'est)\\b|\\bwho's\\b");

    static boolean asksWhoActed(String question) {
        return !WHO_BE.matcher(folded(question)).find();
    }

    /** Words that ask for the holder of a role, who is a person: who led, who took over as president, qui dirige. */
    private static final Pattern ROLE = Pattern.compile(
            "\\b(?:lead|leads|led|leading|leader|heads?|headed|took over|takes? over|succeed(?:ed|s)?|replaced?"
                    + "|rules?|ruled|governs?|governed|found(?:ed|er)?|commands?|commanded|runs?|ran|president|minister"
                    + "|chief|chef|dirige\\w*|succede\\w*|remplace\\w*|fonde\\w*|gouverne\\w*|preside\\w*|ministre)\\b");

    /**
     * Whether {@code question} asks who did something ("who overthrew IBK?", "qui a imposé les sanctions ?"), which a
     * body answers as well as a person, rather than who holds a role ("who led al-Mourabitoun?"), which a person does.
     */
    static boolean asksForAnActor(String question) {
        return asksWhoActed(question) && !ROLE.matcher(folded(question)).find();
    }

    /**
     * Whether {@code word} is one by which a question is put rather than what it is about ("compare", "versus"):
     * texts seldom use it, yet it is no misspelt name.
     */
    static boolean puts(String word) {
        return COMPARISON.matcher(Names.fold(word)).matches();
    }

    /** The words by which {@code question} asks what came next, if it does ("what happened next"). */
    static Optional<String> askedNext(String question) {
        Matcher m = NEXT.matcher(folded(question));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    public static Question read(String raw, Optional<Language> fallback) {
        String text = normaliseChat(Markup.strip(raw));
        Language language = LanguageDetector.detect(text).or(() -> fallback).orElse(Language.EN);
        String folded = folded(text);
        Optional<Question.Refusal> refusal = refusal(folded);
        List<String> sides = sides(folded);
        AnswerType type = !sides.isEmpty() ? AnswerType.COMPARISON : type(folded);
        boolean present = PRESENT.matcher(folded).find()
                || (type == AnswerType.PERSON && PRESENT_ROLE.matcher(folded).find())
                || type == AnswerType.LATEST;
        Optional<PartialDate> period = period(folded);
        boolean since = period.isPresent() && SINCE.matcher(folded).find();
        boolean anaphoric = ANAPHORA.matcher(folded).find();
        return new Question(text, language, type, present, sides, period, since, anaphoric, refusal);
    }

    private static final Pattern TENSE_WORDS = Pattern.compile(
            "(?i)\\b(?:right now|at the moment|these days|nowadays|at present|as of now|currently|current|now|today"
                    + "|still|anymore|any more|en ce moment|actuellement|actuelle|actuel|maintenant|aujourd'hui"
                    + "|à présent|a present|désormais|toujours|encore)\\b");

    /**
     * The words of {@code text} that say what it is about, without those that only say it is about the present
     * ("now", "currently", "toujours"): those decide {@link Question#present()}, and searched they would find
     * texts that happen to say "current" ("Barkhane will end in its current form").
     */
    static String withoutTenseWords(String text) {
        return TENSE_WORDS.matcher(text).replaceAll(" ").replaceAll("\\s{2,}", " ").strip();
    }

    private static final Pattern LIST_CUE = Pattern.compile(
            "(?iu)^\\s*(?:(?:can|could) you |please |pouvez-vous |peux-tu )?(?:list|name all|enumerate|give me a list of"
                    + "|lister|liste|énumère|énumérez|enumere|enumerez|donne(?:-moi)? la liste d[eu]s?)\\b");

    /**
     * The words of {@code text} that are searched: without the tense words ({@link #withoutTenseWords}) and without
     * an opening "list"/"liste", which asks for a list rather than naming its subject (searched, it found "UNESCO
     * lists the city" for "list the coups").
     */
    static String searchedWords(String text) {
        return LIST_CUE.matcher(withoutTenseWords(text)).replaceFirst(" ").strip();
    }

    static String normaliseChat(String text) {
        Matcher m = CHAT_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = CHAT.get(m.group(1).toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group(1) : replacement));
        }
        m.appendTail(out);
        String words = out.toString();
        String spelled = C_QUOI.matcher(words.toLowerCase(Locale.ROOT)).find()
                ? Pattern.compile("(?i)\\bc(?:'est|est)? (?=quoi\\b)").matcher(words).replaceAll("c'est ")
                : words;
        return spelled.replaceAll("\\s{2,}", " ").strip();
    }

    private static Optional<Question.Refusal> refusal(String folded) {
        if (HARM.matcher(folded).find()) {
            return Optional.of(Question.Refusal.HARM);
        }
        if (OPINION.matcher(folded).find()) {
            return Optional.of(Question.Refusal.OPINION);
        }
        return Optional.empty();
    }

    static AnswerType type(String folded) {
        if (LIST.matcher(folded).find()) {
            return AnswerType.LIST;
        }
        if (NUMBER.matcher(folded).find()) {
            return AnswerType.NUMBER;
        }
        if (DATE.matcher(folded).find()) {
            return AnswerType.DATE;
        }
        if (REASON.matcher(folded).find()) {
            return AnswerType.REASON;
        }
        if (PLACE.matcher(folded).find()) {
            return AnswerType.PLACE;
        }
        if (WHO_ROLE.matcher(folded).find()) {
            return AnswerType.PERSON;
        }
        if (WHO_ABOUT.matcher(folded).find()) {
            return AnswerType.DEFINITION;
        }
        if (WHO.matcher(folded).find()) {
            return AnswerType.PERSON;
        }
        if (LATEST.matcher(folded).find()) {
            return AnswerType.LATEST;
        }
        if (MANNER.matcher(folded).find()) {
            return AnswerType.MANNER;
        }
        if (DEFINITION.matcher(folded).find()) {
            return AnswerType.DEFINITION;
        }
        return AnswerType.GENERAL;
    }

    /** The two things a comparison compares, each cleaned of question words; empty when it is not a comparison. */
    static List<String> sides(String question) {
        if (!COMPARISON.matcher(question).find()) {
            return List.of();
        }
        // "ECOWAS vs the AES, how do the two blocs compare?": the sides are before the clause that asks about both.
        Matcher asked = ASKED_OF_BOTH.matcher(question);
        String folded = asked.find() ? question.substring(0, asked.start()) : question;
        String a = null;
        String b = null;
        String[] vs = VS_SPLIT.split(folded, 2);
        Matcher between = BETWEEN.matcher(folded);
        Matcher compare = COMPARE.matcher(folded);
        Matcher differFrom = DIFFER_FROM.matcher(folded);
        if (vs.length == 2) {
            a = vs[0];
            b = vs[1];
        } else if (between.find()) {
            a = between.group(1);
            b = between.group(2);
        } else if (compare.find()) {
            a = compare.group(1);
            b = compare.group(2);
        } else if (differFrom.find()) {
            a = differFrom.group(1);
            b = differFrom.group(2);
        }
        if (a == null) {
            return List.of();
        }
        a = cleanSide(a);
        b = cleanSide(b);
        if (a.isEmpty() || b.isEmpty()) {
            return List.of();
        }
        // "the 2020 and 2021 coups": the first side borrows the second's noun.
        String[] bWords = b.split(" ");
        if (a.matches("(?:19|20)\\d\\d") && bWords.length > 1 && bWords[0].matches("(?:19|20)\\d\\d")) {
            a = a + " " + String.join(" ", java.util.Arrays.copyOfRange(bWords, 1, bWords.length));
        }
        return List.of(a, b);
    }

    /**
     * What a comparison asks of each side, when a clause of its own says so ("MNLA vs Ansar Dine, what did each one
     * want?" asks what each wanted): its words less those that only say it compares. Empty when there is none.
     */
    static String askedOfBoth(String text) {
        Matcher asked = ASKED_OF_BOTH.matcher(folded(text));
        if (!asked.find()) {
            return "";
        }
        return COMPARISON_FILLER.matcher(asked.group(1)).replaceAll(" ").replaceAll("\\s{2,}", " ").strip();
    }

    private static String cleanSide(String side) {
        String cleaned = side.strip();
        String previous;
        do {
            previous = cleaned;
            cleaned = SIDE_NOISE.matcher(cleaned).replaceAll("").strip();
        } while (!cleaned.equals(previous));
        return cleaned;
    }

    /** The month or year a question names, the first one given. */
    static Optional<PartialDate> period(String folded) {
        Matcher m = YEAR_OR_MONTH.matcher(folded);
        if (!m.find()) {
            return Optional.empty();
        }
        String year = m.group(2);
        if (m.group(1) == null) {
            return PartialDate.parse(year);
        }
        int month = monthNumber(m.group(1));
        return PartialDate.parse(year + "-" + (month < 10 ? "0" : "") + month);
    }

    private static int monthNumber(String name) {
        for (int i = 0; i < 12; i++) {
            if (MONTHS_EN[i].equals(name) || MONTHS_FR[i].equals(name)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** For tests and diagnostics: the sides as they would be asked alone. */
    static List<String> sideQuestions(Question question) {
        List<String> out = new ArrayList<>();
        for (String side : question.sides()) {
            out.add((question.language() == Language.FR ? "c'est quoi " : "what is ") + side);
        }
        return out;
    }
}
