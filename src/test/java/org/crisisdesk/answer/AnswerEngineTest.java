package org.crisisdesk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerEngineTest {

    private Engine engine;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        engine = Fixtures.engine(dir);
    }

    @AfterAll
    void close() throws Exception {
        engine.close();
    }

    @Test
    void aTitleThatAnswersAnotherKindOfQuestionIsNoticed() {
        assertTrue(AnswerEngine.answersAnotherKind("Why the 2020 coup happened", AnswerType.DATE));
        assertTrue(AnswerEngine.answersAnotherKind("Why the 2020 coup happened", AnswerType.DEFINITION));
        assertFalse(AnswerEngine.answersAnotherKind("Why the 2020 coup happened", AnswerType.REASON));
        assertFalse(AnswerEngine.answersAnotherKind("The August 2020 coup", AnswerType.DATE));
        assertFalse(AnswerEngine.answersAnotherKind("Why the 2020 coup happened", AnswerType.GENERAL));
    }

    @Test
    void answersWithSnippetsCutFromTheMatchingTextAndNumberedCitations() {
        Answer answer = engine.ask("Which resolution of the Security Council ended MINUSMA's mandate?");
        assertTrue(answer.answered(), answer.toString());
        Snippet first = answer.snippets().get(0);
        assertEquals("minusma-end-of-mandate", first.id());
        assertTrue(first.text().contains("Resolution 2690"), first.text());
        assertEquals(List.of(1), first.citations());
        Citation one = answer.citations().get(0);
        assertEquals(1, one.n());
        assertEquals("un-press-sc15341", one.source());
        assertEquals("https://press.un.org/en/2023/sc15341.doc.htm", one.url());
        assertEquals("United Nations", one.publisher());
        assertEquals("2023-06-30", one.date());
        assertFalse(first.highlights().isEmpty());
        for (Snippet.Highlight h : first.highlights()) {
            String marked = first.text().substring(h.start(), h.end()).toLowerCase(java.util.Locale.ROOT);
            assertTrue(List.of("security", "council", "minusma's", "minusma", "mandate", "end", "ended", "resolution")
                    .contains(marked), marked);
        }
    }

    @Test
    void aNameMatchedAsAnAliasAndAsWordsIsMarkedOnce() {
        Answer answer = engine.ask("What happened to Ibrahim Boubacar Keïta in 2020?");
        assertTrue(answer.answered(), answer.toString());
        List<String> marked = answer.snippets().stream()
                .flatMap(s -> s.highlights().stream().map(h -> s.text().substring(h.start(), h.end())))
                .toList();
        assertTrue(marked.contains("Ibrahim Boubacar Keïta"), marked.toString());
        assertFalse(marked.contains("Ibrahim"), marked.toString());
    }

    @Test
    void aListIsTheDatedEventsThatHoldTheQuestionsWordsInDateOrder() {
        Answer answer = engine.ask("list what MINUSMA did");
        assertTrue(answer.answered(), answer.toString());
        Snippet list = answer.snippets().stream().filter(s -> s.kind() == Snippet.Kind.LIST).findFirst()
                .orElseThrow(() -> new AssertionError("no list in " + answer));
        // Searched among events alone, so both MINUSMA events are listed, oldest first, and no other event.
        assertEquals(List.of("2013-07-01-minusma-deploys", "2023-minusma-withdrawal"),
                list.items().stream().map(Snippet::id).toList());
    }

    @Test
    void everyCitationNumberUsedIsListedOnceInOrder() {
        Answer answer = engine.ask("Who is Assimi Goïta and the CNSP junta?");
        assertTrue(answer.answered(), answer.toString());
        List<Integer> numbers = answer.citations().stream().map(Citation::n).toList();
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i + 1, numbers.get(i));
        }
        answer.snippets().forEach(s -> s.citations().forEach(n -> assertTrue(n >= 1 && n <= numbers.size())));
        assertEquals(answer.citations().size(), answer.citations().stream().map(Citation::source).distinct().count());
    }

    @Test
    void findsTextsThroughAliasesAndWithoutAccents() {
        Answer byAcronym = engine.ask("what happened to IBK?");
        assertTrue(byAcronym.answered(), byAcronym.toString());
        assertTrue(byAcronym.snippets().stream().anyMatch(s -> s.id().equals("coup-2020")
                || s.id().equals("2020-08-18-coup")), byAcronym.toString());
        Answer noAccents = engine.ask("assimi goita cnsp");
        assertTrue(noAccents.snippets().stream().anyMatch(s -> s.text().contains("Goïta")), noAccents.toString());
    }

    @Test
    void eventsLeadWithTheirDateAndDisputesTravelWithTheSnippet() {
        Answer answer = engine.ask("when did soldiers detain president Keïta?");
        Snippet event = answer.snippets().stream().filter(s -> s.kind() == Snippet.Kind.EVENT).findFirst()
                .orElseThrow(() -> new AssertionError(answer.toString()));
        assertTrue(event.text().startsWith("18 August 2020: "), event.text());
        assertTrue(event.note().orElseThrow().contains("Disputed date"), event.toString());
        assertTrue(event.textWithNote().endsWith(" Note: " + event.note().orElseThrow()), event.textWithNote());
        assertEquals("2020-08-18", event.date().orElseThrow().toString());
        assertEquals(AnswerType.DATE, answer.type());
        assertTrue(event.answer().contains(new Snippet.Highlight(0, "18 August 2020".length())),
                "the date is the answer: " + event.answer());
    }

    @Test
    void refusesWhatTheKnowledgeBaseDoesNotCoverAndSuggestsTopics() {
        Answer answer = engine.ask("How do I bake sourdough bread at home?");
        assertFalse(answer.answered());
        assertTrue(answer.snippets().isEmpty());
        assertTrue(answer.citations().isEmpty());
        assertEquals(Answer.Outcome.NO_ANSWER, answer.outcome());
        assertEquals("I have no sourced answer to that.", answer.message().orElseThrow());
        assertFalse(answer.suggestions().isEmpty());
        assertTrue(answer.confidence() < AnswerPolicy.DEFAULT.model().threshold());
    }

    @Test
    void aWhenQuestionSharingNoWordWithTheBaseIsNotAnsweredOrPointedAtEventsForBeingEvents() {
        // The "when" preference on its own matches every event; it must only ever add to texts the words found.
        Answer answer = engine.ask("when did the sourdough bread rise?");
        assertFalse(answer.answered(), answer.toString());
        List<String> topics = engine.topics();
        assertEquals(topics.subList(0, Math.min(5, topics.size())), answer.suggestions());
    }

    @Test
    void correctsAMisspeltNameAndSaysHowItReadTheQuestion() {
        Answer answer = engine.ask("assimi goitta");
        assertTrue(answer.answered(), answer.toString());
        assertEquals("assimi Goïta", answer.didYouMean().orElseThrow());
        assertTrue(engine.ask("assimi goita").didYouMean().isEmpty(), "nothing to correct");
    }

    @Test
    void readsAShortMisspeltNameAsTheCuratedOneItIsOneSlipFrom() {
        // "ecowass" stems to itself, so the index's near spellings (of the stem "ecowa") never reach it.
        Answer answer = engine.ask("ecowass and the 2020 coup");
        assertTrue(answer.answered(), answer.toString());
        assertEquals("ECOWAS and the 2020 coup", answer.didYouMean().orElseThrow());
    }

    @Test
    void editDistance() {
        assertEquals(0, Correction.distance("goita", "goita"));
        assertEquals(1, Correction.distance("goitta", "goita"));
        assertEquals(2, Correction.distance("ogosagou", "ogossagu"));
        assertEquals(5, Correction.distance("", "keita"));
    }

    static Stream<String> hostileQuestions() {
        return Stream.of("", "   ", "AND", "OR NOT", "*", "?", "\"", "\"unclosed quote", "Bah N'Daw (2021", "minusma~2",
                "title:coup", "text:[a TO z]", "+-&&||!(){}[]^\"~*?:\\/", "((((((((((", "🇲🇱 🔥 coup?", "ما هو مينوسما؟",
                "מה קרה במאלי", "\u202Eminusma\u202C", "mi\u200Bnus\u200Bma", "\u0000\u0001\u0002", "@everyone coup",
                "<@123456789> when?", "a".repeat(10_000), "coup ".repeat(2_000), "\uD83D", "mali\uDC00");
    }

    @ParameterizedTest
    @MethodSource("hostileQuestions")
    @Timeout(10)
    void anyTextGivesAnAnswerOrAClearMessage(String question) {
        Answer answer = engine.ask(question);
        if (!answer.answered()) {
            assertTrue(answer.message().isPresent() && !answer.message().get().isBlank(), answer.toString());
        } else {
            assertFalse(answer.snippets().isEmpty());
            answer.snippets().forEach(s -> assertFalse(s.citations().isEmpty(), "every snippet cites something"));
        }
        assertTrue(answer.confidence() >= 0 && answer.confidence() <= 1);
    }

    @Test
    void tooLongAndEmptyQuestionsSaySoPlainly() {
        assertTrue(engine.ask("x".repeat(5000)).message().orElseThrow().contains("characters long"));
        assertEquals(Answer.Outcome.EMPTY, engine.ask("\u200B ").outcome());
        assertTrue(engine.ask("\u200B ").message().orElseThrow().startsWith("Ask a question about the crisis in Mali"));
        assertEquals(Answer.Outcome.NOTHING_TO_SEARCH, engine.ask("what is the ?").outcome());
    }

    @Test
    void cleaningDropsInvisibleCharacters() {
        assertEquals("minusma", AnswerEngine.clean("mi\u200Bnus\u200Bma"));
        assertEquals("a b", AnswerEngine.clean(" a \n\t b "));
        assertEquals("minusma", AnswerEngine.clean("\u202Eminusma\u202C"));
    }
}
