package org.crisisdesk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.TextAnalysis;
import org.junit.jupiter.api.Test;

class CuratedQuestionTest {

    private final TextAnalysis analysis = TextAnalysis.withAliases(List.of(List.of("MINUSMA", "UN mission in Mali")));

    private final DocumentView passage = new DocumentView("minusma-leaves", false, "MINUSMA leaves", "La MINUSMA part",
            List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
            List.of("Why did MINUSMA leave Mali?", "When did the UN mission in Mali end?",
                    "Pourquoi la MINUSMA a-t-elle quitté le Mali ?"));

    /** One concept per word of the question, as the query plan makes them: the word's terms, its alias's too. */
    private List<Set<String>> concepts(String... words) {
        List<Set<String>> concepts = new ArrayList<>();
        for (String word : words) {
            Set<String> terms = new HashSet<>();
            analysis.tokens(word, true, Language.EN).forEach(t -> terms.add(t.term()));
            concepts.add(terms);
        }
        return concepts;
    }

    @Test
    void eachCuratedQuestionKeepsTheKindOfAnswerItAsksFor() {
        List<CuratedQuestion> questions = CuratedQuestion.of(passage, Language.EN, analysis);
        assertEquals(List.of(AnswerType.REASON, AnswerType.DATE, AnswerType.REASON),
                questions.stream().map(CuratedQuestion::type).toList());
    }

    @Test
    void aCuratedQuestionCountsOnlyForQuestionsAskingTheSameKindOfAnswer() {
        List<CuratedQuestion> questions = CuratedQuestion.of(passage, Language.EN, analysis);
        List<Set<String>> concepts = concepts("MINUSMA", "leave", "Mali");
        double[] weights = {2, 1, 0.5};
        // "why did MINUSMA leave Mali": the curators wrote that very question.
        assertEquals(1.0, CuratedQuestion.bestMatch(questions, AnswerType.REASON, concepts, weights), 1e-9);
        // "when did MINUSMA leave Mali": only "When did the UN mission in Mali end?" asks for a date, and it holds
        // MINUSMA (through its alias) and Mali, not "leave".
        assertEquals(2.5 / 3.5, CuratedQuestion.bestMatch(questions, AnswerType.DATE, concepts, weights), 1e-9);
        // "who made MINUSMA leave Mali": no curated question asks for a person.
        assertEquals(0, CuratedQuestion.bestMatch(questions, AnswerType.PERSON, concepts, weights), 1e-9);
        // A question asking for no particular kind is compared with all of them.
        assertEquals(1.0, CuratedQuestion.bestMatch(questions, AnswerType.GENERAL, concepts, weights), 1e-9);
    }

    @Test
    void aCuratedQuestionOfNoKindSupportsATextLessThanOneOfTheKindAsked() {
        DocumentView deaths = new DocumentView("deaths", false, "Deaths", "Morts", List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(),
                List.of("How many peacekeepers died in Mali?", "Are peacekeepers killed in Mali?"));
        DocumentView dangers = new DocumentView("dangers", false, "Dangers", "Dangers", List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of("Are peacekeepers killed in Mali?"));
        List<Set<String>> concepts = concepts("peacekeepers", "died", "Mali");
        double[] weights = {2, 1, 0.5};
        assertEquals(1.0, CuratedQuestion.support(CuratedQuestion.of(deaths, Language.EN, analysis),
                AnswerType.NUMBER, concepts, weights, 0.5), 1e-9);
        assertEquals(CuratedQuestion.OTHER_KIND, CuratedQuestion.support(CuratedQuestion.of(dangers, Language.EN,
                analysis), AnswerType.NUMBER, concepts, weights, 0.5), 1e-9);
        assertEquals(0, CuratedQuestion.support(CuratedQuestion.of(passage, Language.EN, analysis),
                AnswerType.NUMBER, concepts, weights, 0.5), 1e-9);
    }

    @Test
    void kindsAreCompatibleWhenEqualOrWhenEitherAsksForNone() {
        CuratedQuestion when = new CuratedQuestion(AnswerType.DATE, Set.of());
        CuratedQuestion general = new CuratedQuestion(AnswerType.GENERAL, Set.of());
        assertTrue(when.answersKind(AnswerType.DATE));
        assertTrue(when.answersKind(AnswerType.GENERAL));
        assertTrue(general.answersKind(AnswerType.PERSON));
        assertFalse(when.answersKind(AnswerType.REASON));
    }

    @Test
    void aQuestionWithoutWeightMatchesNothing() {
        List<CuratedQuestion> questions = CuratedQuestion.of(passage, Language.EN, analysis);
        assertEquals(0, CuratedQuestion.bestMatch(questions, AnswerType.REASON, List.of(), new double[0]), 1e-9);
    }
}
