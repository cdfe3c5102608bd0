package org.crisisdesk.answer;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;

/**
 * A question as the engine understood it, before any search.
 *
 * @param text       the question cleaned of markup and chat spellings ("whos" → "who is", "rn" → "right now"): what
 *                   is searched
 * @param language   the language it is answered in
 * @param type       what kind of answer it asks for
 * @param present    it asks how things are now ("now", "still", "currently", "who leads…"): the latest facts win
 * @param sides      for a comparison, the two things compared, each as a short question of its own
 * @param period     a month or year the question is about ("in April 2026", "since 2012"), if it names one
 * @param since      the question asks about everything from {@link #period} on ("since 2012"), not within it
 * @param anaphoric  it points back at something said before ("it", "they", "what happened next", "and the north?")
 * @param refusal    why it must not be answered at all (a request for help to do harm, a call for an opinion)
 */
public record Question(
        String text,
        Language language,
        AnswerType type,
        boolean present,
        List<String> sides,
        Optional<PartialDate> period,
        boolean since,
        boolean anaphoric,
        Optional<Refusal> refusal) {

    /** Why a question is turned down without a search. */
    public enum Refusal {
        /** How to join, fund, arm or build something for an armed group. */
        HARM,
        /** Who is right, who is to blame, jokes, "ignore your sources": not something sources answer. */
        OPINION
    }

    public Question {
        sides = List.copyOf(sides);
    }

    /** The same question read as one about how things are now. */
    public Question inThePresent() {
        return new Question(text, language, type, true, sides, period, since, anaphoric, refusal);
    }
}
