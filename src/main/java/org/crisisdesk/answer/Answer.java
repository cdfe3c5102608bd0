package org.crisisdesk.answer;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;

/**
 * What the engine says to a question: cited snippets when it is confident enough, otherwise a plain statement
 * that it has no sourced answer ({@code message}) and the nearest topics it does know about. {@code didYouMean}
 * is the question as the engine read it when it had to guess a misspelt word.
 *
 * @param type     what kind of answer the question asked for
 * @param language the language the answer is in (the question's)
 * @param asOf     for a question about the present: the date the answer is true as of
 * @param reading  the question as it was read when the conversation's context filled it in
 * @param outcome  why it was answered or not
 * @param subject  what the answer is about (a passage's title or an event's topic), for a follow-up question
 * @param partial  the answer is uncertain: the best match found, not a confident one
 * @param features what the confidence was computed from (for calibration and diagnostics)
 */
public record Answer(
        String question,
        boolean answered,
        double confidence,
        List<Snippet> snippets,
        List<Citation> citations,
        Optional<String> message,
        List<String> suggestions,
        Optional<String> didYouMean,
        AnswerType type,
        Language language,
        Optional<PartialDate> asOf,
        Optional<String> reading,
        Outcome outcome,
        Optional<String> subject,
        boolean partial,
        ConfidenceFeatures features) {

    /** Why an answer was given or not; front ends word each in the user's language. */
    public enum Outcome {
        ANSWERED, NO_ANSWER, NEEDS_CONTEXT, HARM, OPINION, EMPTY, TOO_LONG, NOTHING_TO_SEARCH;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Answer {
        snippets = List.copyOf(snippets);
        citations = List.copyOf(citations);
        suggestions = List.copyOf(suggestions);
    }

    /** An answer as front ends built them before answer types, languages and outcomes (tests, stand-ins). */
    public Answer(String question, boolean answered, double confidence, List<Snippet> snippets,
            List<Citation> citations, Optional<String> message, List<String> suggestions,
            Optional<String> didYouMean) {
        this(question, answered, confidence, snippets, citations, message, suggestions, didYouMean,
                AnswerType.GENERAL, Language.EN, Optional.empty(), Optional.empty(),
                answered ? Outcome.ANSWERED : Outcome.NO_ANSWER, Optional.empty(), false, ConfidenceFeatures.NONE);
    }

    /** The same answer with the features its confidence was computed from. */
    Answer withFeatures(ConfidenceFeatures computed) {
        return new Answer(question, answered, confidence, snippets, citations, message, suggestions, didYouMean, type,
                language, asOf, reading, outcome, subject, partial, computed);
    }

    static Answer refused(Question question, String asked, double confidence, Outcome outcome, String message,
            List<String> suggestions) {
        return new Answer(asked, false, confidence, List.of(), List.of(), Optional.of(message), suggestions,
                Optional.empty(), question.type(), question.language(), Optional.empty(), Optional.empty(), outcome,
                Optional.empty(), false, ConfidenceFeatures.NONE);
    }
}
