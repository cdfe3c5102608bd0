package org.crisisdesk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.Language;
import org.crisisdesk.semantic.WordEmbedder;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic-matching fallback (issue 12), with a stand-in model over the fixture knowledge base. */
class SemanticFallbackTest {

    @TempDir
    Path dir;

    private Engine engine;
    private Generation generation;
    private Path directory;
    private DocumentView passage;

    @BeforeEach
    void open() throws Exception {
        EngineConfig config = Fixtures.config(dir);
        engine = Engine.open(config, org.crisisdesk.index.ProgressListener.NONE);
        IndexStore store = new IndexStore(config.index());
        String name = store.current().orElseThrow();
        directory = store.directory(name);
        generation = Generation.open(name, directory);
        for (int doc = 0; doc < generation.searcher().getIndexReader().maxDoc(); doc++) {
            DocumentView view = DocumentView.of(generation.searcher().getIndexReader().storedFields().document(doc));
            if (!view.event() && view.sentences().size() >= 2) {
                passage = view;
                break;
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        generation.searcher().getIndexReader().close();
        engine.close();
    }

    @Test
    void offByDefault() {
        SemanticFallback none = SemanticFallback.fromEnvironment(Map.of());
        assertTrue(none.model().isEmpty());
        assertTrue(none.fallback(question("anything"), refused("anything", List.of(passage.title())), generation)
                .isEmpty());
    }

    @Test
    void aRefusedQuestionIsAnsweredAsPartialByTheClosestSentenceWhenTheWordsAgree() throws Exception {
        String second = passage.sentences().get(1).en();
        SemanticFallback fallback = new SemanticFallback(new WordEmbedder("words"), 0.99);
        Answer answer = fallback.fallback(question(second), refused(second, List.of("Another topic",
                passage.title())), generation).orElseThrow();
        assertTrue(answer.answered());
        assertEquals(Answer.Outcome.ANSWERED, answer.outcome());
        assertTrue(answer.partial(), "the best match found, not a confident one");
        assertEquals(passage.id(), answer.snippets().get(0).id());
        assertTrue(answer.snippets().get(0).text().contains(second), answer.snippets().get(0).text());
        assertFalse(answer.citations().isEmpty(), "cited like any answer");
        assertEquals(0.2, answer.confidence(), "the engine's own confidence is kept");
        assertTrue(Files.isRegularFile(directory.resolve("semantic-words.vec")), "vectors cached with the generation");
    }

    @Test
    void noAnswerWhenNothingIsCloseEnoughOrTheWordsPointElsewhere() {
        String second = passage.sentences().get(1).en();
        SemanticFallback fallback = new SemanticFallback(new WordEmbedder("words"), 0.99);
        assertTrue(fallback.fallback(question(second), refused(second, List.of("Another topic")), generation)
                .isEmpty(), "the nearest topics by words do not name the text");
        assertTrue(fallback.fallback(question(second), refused(second, List.of()), generation).isEmpty());
        String unrelated = "zzzz qqqq xxxxx";
        assertTrue(fallback.fallback(question(unrelated), refused(unrelated, List.of(passage.title())), generation)
                .isEmpty(), "below the threshold");
    }

    @Test
    void aQuestionInALanguageTheModelDoesNotReadIsLeftRefused() {
        String second = passage.sentences().get(1).en();
        SemanticFallback englishOnly = new SemanticFallback(new WordEmbedder("words", EnumSet.of(Language.EN)), 0.99);
        Question french = new Question(second, Language.FR, AnswerType.GENERAL, false, List.of(), Optional.empty(),
                false, false, Optional.empty());
        assertTrue(englishOnly.fallback(french, refused(second, List.of(passage.title())), generation).isEmpty());
        assertTrue(englishOnly.fallback(question(second), refused(second, List.of(passage.title())), generation)
                .isPresent());
    }

    @Test
    void corroborationMatchesTitlesInEitherLanguageAndTopics() {
        assertTrue(SemanticFallback.corroborated(passage, List.of(passage.title())));
        assertTrue(SemanticFallback.corroborated(passage, List.of(passage.titleFr())));
        passage.topics().stream().findFirst()
                .ifPresent(topic -> assertTrue(SemanticFallback.corroborated(passage, List.of(topic))));
        assertFalse(SemanticFallback.corroborated(passage, List.of("", "Something else")));
    }

    private static Answer refused(String text, List<String> nearest) {
        return Answer.refused(question(text), text, 0.2, Answer.Outcome.NO_ANSWER, "no sourced answer", nearest);
    }

    private static Question question(String text) {
        return new Question(text, Language.EN, AnswerType.GENERAL, false, List.of(), Optional.empty(), false, false,
                Optional.empty());
    }
}
