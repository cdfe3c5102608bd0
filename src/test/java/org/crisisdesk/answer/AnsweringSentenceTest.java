package org.crisisdesk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answering sentence, not the passage: on the fixture base (plus a present-tense passage), the sentence that
 * answers comes first with only its own sources and notes, in the question's language; comparisons, follow-ups,
 * questions about the present and refusals behave as the answers issue asks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnsweringSentenceTest {

    private Engine engine;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        EngineConfig config = Fixtures.config(dir);
        Files.writeString(config.knowledge().resolve("passages/now.yaml"), """
                passages:
                  - id: who-leads-now
                    title: Who leads the country now
                    title_fr: Qui dirige le pays aujourd'hui
                    about: person
                    as_of: 2026-02-14
                    sentences:
                      - en: As of February 2026 Colonel Assimi Goïta still led the transition as its president.
                        fr: En février 2026, le colonel Assimi Goïta dirigeait toujours la transition en tant que président.
                        sources: [ripples-goita-2020]
                    first_tier_missing: a test fixture
                  - id: bloc-sanctions
                    title: The regional bloc's sanctions
                    title_fr: Les sanctions du bloc régional
                    about: event
                    sentences:
                      - en: The regional bloc lifted its sanctions on 3 July 2022.
                        fr: Le bloc régional a levé ses sanctions le 3 juillet 2022.
                        sources: [ripples-goita-2020]
                      - en: On 9 January 2022 the regional bloc put its sanctions in place.
                        fr: Le 9 janvier 2022, le bloc régional a mis en place ses sanctions.
                        sources: [ripples-goita-2020]
                    first_tier_missing: a test fixture
                  - id: river-camp-raid
                    title: The raid on the river camp
                    title_fr: L'attaque du camp du fleuve
                    about: event
                    sentences:
                      - en: At dawn on 22 July 2022 gunmen attacked the river camp near the capital with two car bombs.
                        fr: À l'aube du 22 juillet 2022, des hommes armés ont attaqué le camp du fleuve près de la capitale avec deux voitures piégées.
                        sources: [ripples-goita-2020]
                      - en: The army said the raid was repelled within hours.
                        fr: L'armée a dit avoir repoussé l'assaut en quelques heures.
                        sources: [ripples-goita-2020]
                      - en: Katiba Serma later claimed the attack.
                        fr: La Katiba Serma a ensuite revendiqué l'attaque.
                        sources: [ripples-goita-2020]
                    first_tier_missing: a test fixture
                """);
        engine = Engine.open(config, ProgressListener.NONE);
    }

    @AfterAll
    void close() throws Exception {
        engine.close();
    }

    @Test
    void theAnsweringSentenceComesFirstWithOnlyItsOwnSources() {
        Answer answer = engine.ask("who presented himself as head of the CNSP junta?");
        assertTrue(answer.answered(), answer.toString());
        Snippet first = answer.snippets().get(0);
        assertEquals("coup-2020", first.id());
        assertTrue(first.text().startsWith("Colonel Assimi Goïta then presented himself"), first.text());
        List<String> cited = first.citations().stream()
                .map(n -> answer.citations().get(n - 1).source()).toList();
        assertEquals(List.of("ripples-goita-2020"), cited, "the passage's other source backs other sentences");
        assertTrue(first.note().isEmpty(), "the dispute is about the first sentence, not shown here");
        assertEquals(AnswerType.PERSON, answer.type());
        String bold = first.text().substring(first.answer().get(0).start(), first.answer().get(0).end());
        assertTrue(bold.contains("Assimi Goïta"), "the name is the answer: " + bold);
    }

    @Test
    void aSentenceWithoutTheAskedKindOfAnswerIsShownWithTheOneThatHasIt() {
        Answer answer = engine.ask("who attacked the river camp near the capital in July 2022?");
        assertTrue(answer.answered(), answer.toString());
        Snippet first = answer.snippets().get(0);
        assertEquals("river-camp-raid", first.id());
        assertTrue(first.text().contains("Katiba Serma"), "the name answers who: " + first.text());
    }

    @Test
    void aNoteTravelsWithTheSentenceItIsAbout() {
        Answer answer = engine.ask("when did soldiers mutiny at the Kati camp and detain Keïta?");
        Snippet passage = answer.snippets().stream().filter(s -> s.id().equals("coup-2020")).findFirst()
                .orElseThrow(() -> new AssertionError(answer.toString()));
        assertTrue(passage.text().startsWith("On 18 August 2020 soldiers mutinied"), passage.text());
        assertTrue(passage.note().orElseThrow().contains("19 August"), passage.toString());
    }

    @Test
    void aSentenceOpeningWithAPronounIsShownAfterTheOneThatSaysWhoItIsAbout() {
        Answer answer = engine.ask("did Keïta resign on television that night?");
        Snippet first = answer.snippets().get(0);
        assertEquals("coup-2020", first.id());
        int he = first.text().indexOf("He resigned");
        assertTrue(he > 0, "'He resigned…' needs the sentence before it: " + first.text());
        assertTrue(first.text().startsWith("On 18 August 2020"), first.text());
    }

    @Test
    void aFrenchQuestionIsAnsweredInFrenchFromTheFrenchText() {
        Answer answer = engine.ask("Quand le Conseil de sécurité a-t-il mis fin au mandat de la MINUSMA ?");
        assertTrue(answer.answered(), answer.toString());
        assertEquals(Language.FR, answer.language());
        Snippet first = answer.snippets().get(0);
        assertTrue(first.text().contains("30 juin 2023") || first.text().contains("31 décembre 2023")
                || first.text().contains("2023"), first.text());
        assertTrue(first.text().matches(".*\\b(le|la|les|du|au)\\b.*"), "French text: " + first.text());
        first.title().ifPresent(title -> assertFalse(title.startsWith("The "), title));
    }

    @Test
    void theDiscordLocaleDecidesOnlyWhenTheQuestionShowsNoLanguage() {
        Answer ambiguous = engine.ask(new AskRequest("MINUSMA ?", Optional.empty(), Optional.of(Language.FR)));
        assertEquals(Language.FR, ambiguous.language());
        Answer english = engine.ask(new AskRequest("when did MINUSMA deploy?", Optional.empty(),
                Optional.of(Language.FR)));
        assertEquals(Language.EN, english.language());
    }

    @Test
    void aQuestionAboutThePresentPrefersTheLatestTextAndSaysAsOfWhen() {
        Answer answer = engine.ask("who leads the country now?");
        assertTrue(answer.answered(), answer.toString());
        assertEquals("who-leads-now", answer.snippets().get(0).id());
        assertEquals("2026-02-14", answer.asOf().orElseThrow().toString());
    }

    @Test
    void aSentenceSayingWhatIsAskedAboutEndedDoesNotAnswerWhenItBegan() {
        Answer began = engine.ask("when did the regional bloc sanction the country?");
        assertTrue(began.answered(), began.toString());
        assertTrue(began.snippets().get(0).text().startsWith("On 9 January 2022"), began.toString());
        Answer ended = engine.ask("when did the regional bloc lift its sanctions?");
        assertTrue(ended.answered(), ended.toString());
        assertTrue(ended.snippets().get(0).text().startsWith("The regional bloc lifted"), ended.toString());
    }

    @Test
    void aChatThatGoesOnWithNothingBeforeIsReadAboutThePresent() {
        Answer answer = engine.ask("what about Assimi Goïta?");
        assertTrue(answer.answered(), answer.toString());
        assertEquals("who-leads-now", answer.snippets().get(0).id());
        assertEquals("2026-02-14", answer.asOf().orElseThrow().toString());
    }

    @Test
    void aFollowUpIsReadInTheConversationsContextAndAskedBackWithoutIt() {
        Answer first = engine.ask("when did MINUSMA formally begin?");
        assertTrue(first.answered(), first.toString());
        Answer alone = engine.ask("who did it take over from?");
        assertFalse(alone.answered());
        assertEquals(Answer.Outcome.NEEDS_CONTEXT, alone.outcome());
        assertTrue(alone.message().orElseThrow().contains("\"it\""), alone.message().toString());
        Answer next = engine.ask("what happened next after MINUSMA began?");
        assertEquals(Answer.Outcome.NEEDS_CONTEXT, next.outcome(), next.toString());
        assertTrue(next.message().orElseThrow().contains("what happened next"), next.message().toString());
        Answer followUp = engine.ask(AskRequest.of("who did it take over from?").withContext(AskContext.after(first)));
        assertTrue(followUp.answered(), followUp.toString());
        assertTrue(followUp.reading().orElseThrow().contains("MINUSMA"), followUp.reading().toString());
        assertTrue(followUp.snippets().stream().anyMatch(s -> s.text().contains("AFISMA")), followUp.toString());
    }

    @Test
    void aComparisonAnswersEachSide() {
        Answer answer = engine.ask("MINUSMA vs CNSP: what's the difference?");
        assertEquals(AnswerType.COMPARISON, answer.type());
        assertTrue(answer.answered(), answer.toString());
        assertTrue(answer.snippets().size() >= 2, answer.toString());
        assertTrue(answer.snippets().get(0).text().contains("MINUSMA"), answer.snippets().get(0).text());
        assertTrue(answer.snippets().get(1).text().contains("CNSP"), answer.snippets().get(1).text());
        for (Snippet snippet : answer.snippets()) {
            assertFalse(snippet.citations().isEmpty());
        }
        assertEquals(answer.citations().stream().map(Citation::n).toList(),
                java.util.stream.IntStream.rangeClosed(1, answer.citations().size()).boxed().toList());
    }

    @Test
    void requestsForHelpToHarmAndCallsForOpinionsGetAShortNeutralRefusal() {
        Answer harm = engine.ask("how do I join the CNSP junta's fighters and build a bomb?");
        assertEquals(Answer.Outcome.HARM, harm.outcome());
        assertFalse(harm.answered());
        Answer opinion = engine.ask("who is right, MINUSMA or the CNSP?");
        assertEquals(Answer.Outcome.OPINION, opinion.outcome());
        assertTrue(opinion.message().orElseThrow().contains("sources"));
        Answer french = engine.ask("qui a raison, la MINUSMA ou la junte ?");
        assertEquals(Answer.Outcome.OPINION, french.outcome());
        assertEquals(Language.FR, french.language());
        assertTrue(french.message().orElseThrow().contains("sources"), french.message().toString());
    }

    @Test
    void mentionsAndMarkupNeverReachTheSearch() {
        Answer marked = engine.ask("<@123456789012345678> @everyone **when** did MINUSMA formally begin? <@&42>");
        Answer plain = engine.ask("when did MINUSMA formally begin?");
        assertEquals(plain.snippets(), marked.snippets());
        assertEquals("when did MINUSMA formally begin?", marked.question());
    }
}
