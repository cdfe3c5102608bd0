package org.crisisdesk.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence holds the kind of answer a question asks for (a date for "when", a name for "who", a number
 * for "how many", a cause for "why"), and where: those stretches are the answer itself, which front ends show in
 * bold. Surface patterns in English and French; good enough to prefer the sentence that answers over the one that
 * only shares the question's words.
 */
final class TypeEvidence {

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
            + "|novembre|décembre|decembre";
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:\\d{1,2}(?:st|nd|rd|th|er)?(?:\\s*[–-]\\s*\\d{1,2})?\\s+(?:" + MONTHS + ")(?:\\s+(?:19|20)\\d\\d)?"
                    + "|(?:" + MONTHS + ")\\s+\\d{1,2}(?:,\\s*(?:19|20)\\d\\d)?"
                    + "|(?:early |mid-|late |end of |début |fin |mi-)?(?:" + MONTHS + ")\\s+(?:de\\s+)?(?:19|20)\\d\\d"
                    + "|(?:19|20)\\d\\d)\\b");
    /** A name: capitalised words in a row (Assimi Goïta, Iyad Ag Ghaly, Bah N'Daw), or a title and a name. */
    private static final Pattern NAME = Pattern.compile(
            "(?:(?:President|Colonel|General|Captain|Lieutenant|Prime Minister|Minister|Imam|Sheikh|Président"
                    + "|Général|Capitaine|colonel|général|capitaine|président|Premier ministre|imam)\\s+)?"
                    + "\\p{Lu}[\\p{L}’'-]+(?:\\s+(?:ag|Ag|al-|el-|ould|Ould|ben|bin|de|N'|N’|abu|Abu|al|Al)?\\s*\\p{Lu}[\\p{L}’'-]+)+");
    /** Capitalised runs that are organisations or places rather than people. */
    private static final Pattern NOT_A_PERSON = Pattern.compile(
            "\\b(?:Council|Committee|Movement|Front|Group|Mission|Nations|State|States|Alliance|Force|Forces|Operation"
                    + "|Army|Union|Court|Agreement|Accord|Charter|Coordination|Platform|Sahel|Africa|African|Mali|Malian"
                    + "|Niger|Burkina|Faso|France|French|Russia|Russian|Islamic|Maghreb|Azawad|Gao|Kidal|Bamako|Timbuktu"
                    + "|Assembly|Ministry|Office|Corps|Watch|International|Crisis|Security|Conseil|Comité|Mouvement"
                    + "|Nord|Sud|West|Western|Economic|Community|Republic|United|Kingdom|Canada|Britain|British"
                    + "|Germany|German|Algeria|Algerian|Europe|European|America|American|Treasury|University|Press"
                    + "|Rights|Human|Party|Government|Parliament|Police|Guard|Ansar|Dine|Qaeda|Wagner|Tuareg|Fulani"
                    + "|Dogon|Arab|Prize|Monkey|Cage|Post|Times|Journal|Monde|January|February|March|April|May|June|July"
                    + "|August|September|October|November|December|On|In|After|Before|By|The|At|From|Since|When)\\b");
    /** A body named in capitals: a run of capitalised words holding a group's, a committee's or a force's word. */
    private static final Pattern BODY_NAME = Pattern.compile(
            "\\b(?:\\p{Lu}[\\p{L}’'-]+\\s+(?:(?:of|for|the|and|in|du|de|des|pour|le|la)\\s+)*)*"
                    + "(?:Committee|Council|Movement|Front|Group|Alliance|Coordination|Platform|Army|Forces|Comité|Conseil"
                    + "|Mouvement|Groupe|Armée)\\b");
    /** What joins two names of the same standing: "A and B", "A et B", "A, B". */
    private static final Pattern COORDINATION = Pattern.compile("\\s*(?:,\\s*)?(?:and|et|,)\\s*(?:(?:the|le|la)\\s+)?");
    /**
     * A quantity: digits that are not a year, not a day of a month ("31 March") and not a resolution's number, or a
     * number word.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<!(?:Resolution|resolution|résolution|Résolution|No\\.|n°) )\\b(?!(?:19|20)\\d\\d\\b)"
                    + "(?!\\d{1,2}(?:st|nd|rd|th|er)?\\s+(?:" + MONTHS + ")\\b)\\d[\\d,.\\u00A0\\u202F ]*"
                    + "(?:\\s*(?:%|per cent|percent|million|billion|thousand|hundred|milliards?|millions?|pour cent))?|\\b(?:dozens|hundreds|thousands|tens of thousands"
                    + "|a dozen|a hundred|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
                    + "|forty|fifty|sixty|seventy|eighty|ninety|dizaines|centaines|milliers|deux|trois|quatre|cinq"
                    + "|six|sept|huit|neuf|dix|onze|douze|vingt|trente|quarante|cinquante|soixante|cent)\\b");
    /**
     * Words that give a cause or a purpose. Bare "after", "following", "amid" and "over" are left out: they mark a
     * cause only sometimes, and "France declared Serval over" or "effect one year after" are not reasons; "over the
     * drone incident", "after writing on social media" and "for undermining the state" are.
     */
    private static final Pattern REASON = Pattern.compile(
            "\\b(?:because|due to|owing to|as a result of|in protest|protesting|in response|in retaliation"
                    + "|retaliat\\w*|accusing|accused|citing|blaming|blamed|demanded|demanding|called for|calling for"
                    + "|at the request|requests?|requested|appeal\\w*|asked|to halt|to stop|to prevent|to protect"
                    + "|to counter|to fight|to punish|to protest|in order to|so as to|in a bid to|aimed at|aiming to"
                    + "|reasons?|caused|triggered|fuell?ed|driven by|led to|angry|anger|furious|frustrat\\w*"
                    + "|discontent|dissatisf\\w*|grievances?|denounc\\w*|argued|arguing|saying that|saying it"
                    + "|which it said|describing|described as|incapable|failed to|failure"
                    + "|followed (?:months|weeks|days|years|a wave|a series|mass) (?:of )?|in the wake of|sparked by"
                    + "|prompted by|fait suite à|faisait suite à|après des (?:mois|semaines) de|sur fond de"
                    + "|over (?:the|its|their|his|her|an?|alleged|what)|after \\w+ing|for (?:\\w+ing|undermining|insulting)"
                    + "|parce que|car|en raison|à cause|a cause|du fait|accusant|reprochant|invoquant|en réponse"
                    + "|en représailles|pour protester|exigeant|exigé|demandé|à la demande|à l'appel|pour stopper"
                    + "|pour enrayer|pour empêcher|pour contrer|afin de|raisons?|colère|mécontentement|frustration"
                    + "|griefs|estimant|jugeant|dénonçant|affirmant|incapable|échec)\\b");
    private static final Pattern PLACE = Pattern.compile(
            "\\b(?:in|at|near|from|to|à|a|au|près de|dans)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}’'-]+");
    private static final Pattern DEFINITION = Pattern.compile(
            "\\b(?:is|was|are|were|est|était|sont|étaient)\\s+(?:a|an|the|one of|un|une|le|la|l'|les|des)\\b"
                    + "|\\b(?:known as|stands for|refers to|a coalition|an alliance|a group|a movement|a mission"
                    + "|une coalition|une alliance|un groupe|un mouvement|une mission)\\b");
    private static final Pattern MANNER = Pattern.compile(
            "\\b(?:by|through|via|after|when|deal|agreement|contract|invited|hired|deployed|signed|recruited"
                    + "|paid|exchange|swap|in return for|par|grâce|accord|contrat|invité|déployé|signé|échange)\\b");

    private TypeEvidence() {
    }

    /** Whether {@code sentence} holds an answer of {@code type}; always true for types without a shape. */
    static boolean has(AnswerType type, String sentence) {
        return switch (type) {
            case DATE -> DATE.matcher(sentence).find();
            case PERSON -> !personSpans(sentence).isEmpty();
            case NUMBER -> NUMBER.matcher(sentence).find();
            case REASON -> REASON.matcher(sentence).find();
            case PLACE -> PLACE.matcher(sentence).find();
            case DEFINITION -> DEFINITION.matcher(sentence).find();
            case MANNER -> MANNER.matcher(sentence).find();
            default -> true;
        };
    }

    /**
     * Whether {@code sentence} gives a cause in words other than the question's own: "why did Mali denounce the
     * agreements?" is not answered by "Mali denounced the agreements", though "denounced" often gives a motive.
     */
    static boolean hasReasonBeyond(String sentence, List<Snippet.Highlight> asked) {
        return findsBeyond(REASON, sentence, asked);
    }

    /** Whether {@code pattern} matches {@code sentence} somewhere the question's own words ({@code asked}) are not. */
    private static boolean findsBeyond(Pattern pattern, String sentence, List<Snippet.Highlight> asked) {
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            if (clearOf(asked, m.start(), m.end())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the span from {@code start} to {@code end} overlaps none of the question's own words. */
    private static boolean clearOf(List<Snippet.Highlight> asked, int start, int end) {
        return asked.stream().noneMatch(h -> h.start() < end && start < h.end());
    }

    /**
     * Whether {@code sentence} names a person other than those the question names: "who overthrew IBK?" is not
     * answered by a sentence whose only person is Ibrahim Boubacar Keïta.
     */
    static boolean hasPersonBeyond(String sentence, List<Snippet.Highlight> asked) {
        for (Snippet.Highlight name : personSpans(sentence)) {
            if (clearOf(asked, name.start(), name.end())
                    && asked.stream().noneMatch(h -> coordinated(sentence, h, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code sentence} names a body other than those the question names: a group, a committee or a force in
     * capitals ("National Committee for the Salvation of the People"). Acronyms alone (CNSP, UN, FAMa) were tried as
     * well and answered more questions wrongly than rightly on the held-out set: too many sentences hold one.
     */
    static boolean hasBodyBeyond(String sentence, List<Snippet.Highlight> asked) {
        return findsBeyond(BODY_NAME, sentence, asked);
    }

    /**
     * Whether two spans are joined by "and", "et" or a comma alone: "detained President Keïta and Prime Minister
     * Boubou Cissé" puts Cissé where Keïta is, so for "who overthrew Keïta?" he is another of those acted upon.
     */
    private static boolean coordinated(String sentence, Snippet.Highlight a, Snippet.Highlight b) {
        Snippet.Highlight first = a.start() <= b.start() ? a : b;
        Snippet.Highlight second = first == a ? b : a;
        if (first.end() > second.start()) {
            return false;
        }
        return COORDINATION.matcher(sentence.substring(first.end(), second.start())).matches();
    }

    /** Whether the type has a shape to look for (a "what else" question has none). */
    static boolean shaped(AnswerType type) {
        return switch (type) {
            case DATE, PERSON, NUMBER, REASON, PLACE, DEFINITION, MANNER -> true;
            default -> false;
        };
    }

    /** Where in {@code sentence} the answer itself is (the dates, the names, the numbers), for bold. */
    static List<Snippet.Highlight> spans(AnswerType type, String sentence) {
        return switch (type) {
            case DATE -> spans(DATE, sentence);
            case PERSON -> personSpans(sentence);
            case NUMBER -> numberSpans(sentence);
            default -> List.of();
        };
    }

    private static List<Snippet.Highlight> spans(Pattern pattern, String sentence) {
        List<Snippet.Highlight> found = new ArrayList<>();
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            found.add(new Snippet.Highlight(m.start(), m.end()));
        }
        return found;
    }

    private static List<Snippet.Highlight> numberSpans(String sentence) {
        List<Snippet.Highlight> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(sentence);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && !Character.isLetterOrDigit(sentence.charAt(end - 1))
                    && sentence.charAt(end - 1) != '%') {
                end--;
            }
            if (end > m.start()) {
                found.add(new Snippet.Highlight(m.start(), end));
            }
        }
        return found;
    }

    /** Names that look like people's: capitalised runs without an organisation's or a place's word in them. */
    private static List<Snippet.Highlight> personSpans(String sentence) {
        List<Snippet.Highlight> found = new ArrayList<>();
        Matcher m = NAME.matcher(sentence);
        while (m.find()) {
            String name = m.group();
            if (!NOT_A_PERSON.matcher(name).find()) {
                found.add(new Snippet.Highlight(m.start(), m.end()));
            }
        }
        return found;
    }
}
