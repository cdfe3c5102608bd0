package org.crisisdesk.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisisdesk.index.IndexedSentence;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.TextAnalysis;

/**
 * Finds the sentence that answers, among every sentence of the best candidates. A sentence scores on the question's
 * words it holds, each weighted by its rarity, except that a word already in the text's title counts for little
 * (every sentence of the JNIM passage is about JNIM: "what is JNIM" is answered by the one that says what it is);
 * on holding the kind of answer asked for (a date for "when", a name for "who", a cause for "why"); on how close
 * together its matched words are; and, slightly, on coming early in its text. The candidate's own rank weighs in,
 * so a sentence of a weak candidate wins only by answering much better.
 */
final class SentenceChooser {

    /** What a question word found in the title still counts for in a sentence. */
    static final double TITLE_DISCOUNT = 0.3;
    /** A sentence holding the asked-for kind of answer, against one without it. */
    static final double TYPED = 1.5;
    static final double UNTYPED = 0.6;
    /**
     * How much the text's rank weighs against its sentence: a sentence of a text ranked 5% below the best needs more
     * than twice the best text's sentence score to win (0.95^16 = 0.44). Measured on the development and outsider
     * sets: the sentence decides well within a text, and between texts the rank (words, titles, curated questions)
     * is the better judge; powers 4 to 40 were tried, 16 and above did best and the same.
     */
    static final double RANK_POWER = 16;
    /** Even a sentence without the question's words can answer (the passage's title matched them). */
    static final double FLOOR = 0.15;

    private final StoredDocuments documents;

    SentenceChooser(StoredDocuments documents) {
        this.documents = documents;
    }

    /** One candidate text, with its rank relative to the best (0..1]. */
    record Candidate(int doc, DocumentView view, double relativeRank) {
    }

    /**
     * One sentence of a candidate and how well it answers.
     *
     * @param score      the sentence's own score (words, title words discounted, type, proximity, position): what
     *                   orders one text's sentences
     * @param combined   with the candidate's rank: what orders all sentences
     * @param match      the weighted share of the question's words in the sentence
     * @param typed      it holds the kind of answer asked for
     * @param highlights where the question's words are in the sentence
     */
    record Scored(Candidate candidate, int sentence, double score, double combined, double match, boolean typed,
            List<Snippet.Highlight> highlights, double[] features) {
    }

    /** Every sentence of every candidate, best first. */
    List<Scored> score(QueryPlan plan, double[] weights, AnswerType type, List<Candidate> candidates)
            throws java.io.IOException {
        return score(plan, weights, new Asked(type, false, false), candidates);
    }

    /**
     * What the question asks for, as sentences are judged on it.
     *
     * @param type    the kind of answer
     * @param present it asks about the present
     * @param actor   it asks who did something ("who overthrew IBK?"), which a body answers as well as a person
     *                ("the officers called themselves the CNSP"); "who is the prime minister?" wants a person
     */
    record Asked(AnswerType type, boolean present, boolean actor) {
    }

    /**
     * Every sentence of every candidate, best first; for a question about the present, a sentence naming later years
     * scores higher (in a list of prime ministers, the one about the latest).
     */
    List<Scored> score(QueryPlan plan, double[] weights, Asked asked, List<Candidate> candidates)
            throws java.io.IOException {
        Language language = plan.language();
        List<Set<String>> conceptTerms = plan.conceptTerms();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        boolean endAsked = asksAboutAnEnd(conceptTerms);
        List<Scored> all = new ArrayList<>();
        for (Candidate candidate : candidates) {
            List<Scored> scored = new ArrayList<>();
            DocumentView view = candidate.view();
            AnalysedDocument analysed = documents.analysed(candidate.doc(), language);
            boolean[] inTitle = matched(analysed.title(), conceptTerms);
            double titleShare = titleShare(inTitle, weights, total);
            List<IndexedSentence> sentences = view.sentences();
            for (int i = 0; i < sentences.size(); i++) {
                scored.add(scoreSentence(candidate, i, sentences.get(i).text(language), analysed.sentences().get(i),
                        analysed.datePrefix(), conceptTerms, weights, total, inTitle, asked, titleShare,
                        endAsked));
            }
            all.addAll(ranked(scored));
        }
        all.sort(Comparator.comparingDouble(Scored::combined).reversed());
        return all;
    }

    private static double titleShare(boolean[] inTitle, double[] weights, double total) {
        double covered = 0;
        for (int c = 0; c < inTitle.length; c++) {
            covered += inTitle[c] ? weights[c] : 0;
        }
        return total <= 0 ? 0 : covered / total;
    }

    /**
     * One text's sentences in the order they answer, each with its place among all texts' sentences: the text's
     * best sentence (by its own score, title words discounted) stands for the text with the text's rank and that
     * sentence's {@code global} score (title words counted in full, so that a definition's passage is not beaten by
     * texts whose titles happen not to name the subject); the others follow in proportion.
     */
    private static List<Scored> ranked(List<Scored> sentences) {
        if (sentences.isEmpty()) {
            return sentences;
        }
        List<Scored> ordered = new ArrayList<>(sentences);
        ordered.sort(Comparator.comparingDouble(Scored::score).reversed());
        Scored best = ordered.get(0);
        double top = best.combined();
        List<Scored> out = new ArrayList<>();
        for (Scored s : ordered) {
            double share = best.score() <= 0 ? 1 : s.score() / best.score();
            double[] features = s.features().clone();
            features[BEST_IN_TEXT] = s == best ? 1 : 0;
            out.add(new Scored(s.candidate(), s.sentence(), s.score(), top * share, s.match(), s.typed(),
                    s.highlights(), features));
        }
        return out;
    }

    /**
     * Scores one sentence ({@code text}, as shown) from its analysed {@code tokens}, which start with {@code prefix}
     * characters not shown in it (an event's date).
     */
    private static Scored scoreSentence(Candidate candidate, int index, String text, List<TextAnalysis.Token> tokens,
            int prefix, List<Set<String>> conceptTerms, double[] weights, double total, boolean[] inTitle,
            Asked asked, double titleShare, boolean endAsked) {
        AnswerType type = asked.type();
        boolean present = asked.present();
        boolean[] found = new boolean[conceptTerms.size()];
        Map<Integer, Integer> firstPosition = new HashMap<>();
        List<Snippet.Highlight> marks = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            TextAnalysis.Token token = tokens.get(t);
            for (int c = 0; c < conceptTerms.size(); c++) {
                if (conceptTerms.get(c).contains(token.term())) {
                    found[c] = true;
                    firstPosition.putIfAbsent(c, t);
                    if (token.start() >= prefix) {
                        marks.add(new Snippet.Highlight(token.start() - prefix, token.end() - prefix));
                    }
                }
            }
        }
        double covered = 0;
        double coveredInFull = 0;
        for (int c = 0; c < found.length; c++) {
            if (found[c]) {
                covered += weights[c] * (inTitle[c] ? TITLE_DISCOUNT : 1);
                coveredInFull += weights[c];
            }
        }
        double focus = total <= 0 ? 0 : covered / total;
        double match = total <= 0 ? 0 : coveredInFull / total;
        boolean typed = candidate.view().event() && type == AnswerType.DATE
                || switch (type) {
                    case REASON -> TypeEvidence.hasReasonBeyond(text, marks);
                    case PERSON -> TypeEvidence.hasPersonBeyond(text, marks)
                            || asked.actor() && TypeEvidence.hasBodyBeyond(text, marks);
                    default -> TypeEvidence.has(type, text);
                };
        double typeFactor = (!TypeEvidence.shaped(type) ? 1 : typed ? TYPED : UNTYPED)
                * (!endAsked && endsAskedThing(text, marks) ? ENDING_DISCOUNT : 1);
        double proximity = proximity(firstPosition);
        double position = 0.05 / (1 + index);
        if (type == AnswerType.DEFINITION && index == 0) {
            position += 0.1;
        }
        if (present) {
            position += PRESENT_YEARS * latestYear(text);
        }
        double score = (FLOOR + focus) * typeFactor + 0.1 * proximity + position;
        double global = (FLOOR + match) * typeFactor + 0.1 * proximity + position;
        double rank = candidate.relativeRank();
        double combined = Math.pow(rank, RANK_POWER) * (1 + global);
        boolean shaped = TypeEvidence.shaped(type);
        boolean event = candidate.view().event();
        double[] features = {
            rank, Math.pow(rank, 4), focus, match, titleShare, shaped && typed ? 1 : 0,
            shaped && !typed ? 1 : 0, proximity, index == 0 ? 1 : 0, 1.0 / (1 + index),
            type == AnswerType.DEFINITION && index == 0 ? 1 : 0, event ? 1 : 0,
            event && type == AnswerType.DATE ? 1 : 0, present ? latestYear(text) : 0,
            present && candidate.view().asOf().isPresent() ? 1 : 0, 0};
        return new Scored(candidate, index, score, combined, match, typed, merge(marks), features);
    }

    /** Where {@code best_in_text} is in the feature vector, set once a text's sentences are all scored. */
    private static final int BEST_IN_TEXT = RankedSentence.FEATURES.length - 1;

    /**
     * A sentence saying something ended (sanctions lifted, a mandate ended) holds the question's words but answers
     * the opposite question: "when did ECOWAS sanction Mali?" is not answered by the day it lifted them. Unless the
     * question asks about an end itself, such a sentence counts for half.
     */
    static final double ENDING_DISCOUNT = 0.5;
    private static final java.util.regex.Pattern ENDING = java.util.regex.Pattern.compile(
            // Matched against the lower-cased text, and only where a word can start one of them: this runs on every
            // sentence of every candidate, and a case-insensitive alternation tried at each position cost more.
            "\\b(?=[lesacrm])(?:lift(?:s|ed|ing)?|eased|ended|ending|ends|abandoned|shelved|scrapped|cancell?ed"
                    + "|called off|abandonnée?s?|annulée?s?|revoked|rescinded|levée?s?|levé|lève|levait|mis fin|met fin"
                    + "|mettant fin|prend fin|pris fin)\\b");
    /** How far after "lifted" a question word may be for the ending to be about it ("lifted the sanctions"). */
    private static final int ENDING_REACH = 40;

    /** Whether {@code text} says that something the question asks about ended: an ending word just before one. */
    private static boolean endsAskedThing(String text, List<Snippet.Highlight> marks) {
        if (marks.isEmpty()) {
            return false;
        }
        java.util.regex.Matcher m = ENDING.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (m.find()) {
            for (Snippet.Highlight mark : marks) {
                if (mark.start() >= m.end() && mark.start() - m.end() <= ENDING_REACH) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the question's words ask about an end themselves ("when were the sanctions lifted?"). */
    static boolean asksAboutAnEnd(List<Set<String>> conceptTerms) {
        return conceptTerms.stream().flatMap(Set::stream).anyMatch(t -> END_TERM.matcher(t).matches());
    }

    /**
     * Whether a text's title says that something the question asks about ended ("Resolution 2690 ends MINUSMA's
     * mandate" for "what was MINUSMA's mandate?"): the whole text is then about the end of what is asked.
     */
    boolean titleEndsAskedThing(int doc, DocumentView view, Language language, List<Set<String>> conceptTerms)
            throws java.io.IOException {
        String title = view.title(language);
        if (!ENDING.matcher(title.toLowerCase(java.util.Locale.ROOT)).find()) {
            return false;
        }
        return endsAskedThing(title, marks(documents.title(doc, language), conceptTerms));
    }

    /** Whether a text's title holds a word of any of {@code concepts}. */
    boolean titleHoldsAny(int doc, Language language, List<Set<String>> concepts) throws java.io.IOException {
        return !marks(documents.title(doc, language), concepts).isEmpty();
    }

    /** Where {@code tokens} hold a term of any of {@code concepts}. */
    private static List<Snippet.Highlight> marks(List<TextAnalysis.Token> tokens, List<Set<String>> concepts) {
        List<Snippet.Highlight> marks = new ArrayList<>();
        for (TextAnalysis.Token token : tokens) {
            if (concepts.stream().anyMatch(terms -> terms.contains(token.term()))) {
                marks.add(new Snippet.Highlight(token.start(), token.end()));
            }
        }
        return marks;
    }

    /** Analysed question words that ask about an end ("when were the sanctions lifted?", "fin de Barkhane"). */
    private static final java.util.regex.Pattern END_TERM = java.util.regex.Pattern.compile(
            "(?:abandon\\w*|shelv\\w*|scrap\\w*|cancel\\w*|annul\\w*|lift\\w*|end\\w*|eas\\w*|revok\\w*"
                    + "|rescind\\w*|lev\\w*|fin|finit|finir|fini|termin\\w*|over|stop\\w*|withdr\\w*|leav\\w*|left"
                    + "|quitt\\w*|depart\\w*|retrait)");

    /** For a question about the present, what naming the latest year of the crisis adds to a sentence. */
    static final double PRESENT_YEARS = 0.3;
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\b(?:19|20)\\d\\d\\b");

    /** 0..1: the latest year a sentence names, from 2012 (0) to 2026 (1); 0 when it names none. */
    static double latestYear(String text) {
        java.util.regex.Matcher m = YEAR.matcher(text);
        int latest = 0;
        while (m.find()) {
            latest = Math.max(latest, Integer.parseInt(m.group()));
        }
        return latest == 0 ? 0 : Math.max(0, Math.min(1, (latest - 2012) / 14.0));
    }

    /** The question's words close together score up to 1: as many distinct words as the window they span. */
    private static double proximity(Map<Integer, Integer> firstPosition) {
        if (firstPosition.size() < 2) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int position : firstPosition.values()) {
            min = Math.min(min, position);
            max = Math.max(max, position);
        }
        return Math.min(1, (double) firstPosition.size() / (max - min + 1));
    }

    private static boolean[] matched(List<TextAnalysis.Token> tokens, List<Set<String>> conceptTerms) {
        boolean[] found = new boolean[conceptTerms.size()];
        for (TextAnalysis.Token token : tokens) {
            for (int c = 0; c < conceptTerms.size(); c++) {
                found[c] |= conceptTerms.get(c).contains(token.term());
            }
        }
        return found;
    }

    /**
     * Marks in text order, overlapping ones made one: a name matched as an alias and as words ("Operation
     * Serval") is marked once.
     */
    static List<Snippet.Highlight> merge(List<Snippet.Highlight> marks) {
        List<Snippet.Highlight> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(Snippet.Highlight::start).thenComparingInt(Snippet.Highlight::end));
        List<Snippet.Highlight> merged = new ArrayList<>();
        for (Snippet.Highlight mark : sorted) {
            Snippet.Highlight last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && mark.start() < last.end()) {
                merged.set(merged.size() - 1, new Snippet.Highlight(last.start(), Math.max(last.end(), mark.end())));
            } else {
                merged.add(mark);
            }
        }
        return merged;
    }
}
