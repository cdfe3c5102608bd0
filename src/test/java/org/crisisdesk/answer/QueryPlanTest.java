package org.crisisdesk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.Language;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private Generation generation;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        Fixtures.engine(dir).close();
        IndexStore store = new IndexStore(dir.resolve("index"));
        String name = store.current().orElseThrow();
        generation = Generation.open(name, store.directory(name));
    }

    @AfterAll
    void close() throws java.io.IOException {
        generation.discard();
    }

    private QueryPlan plan(String question) throws Exception {
        return QueryPlan.of(question, generation.analysis(), generation.searcher()).orElseThrow();
    }

    private static Set<String> terms(Query query) {
        Set<Term> terms = new LinkedHashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        Set<String> texts = new LinkedHashSet<>();
        terms.forEach(t -> texts.add(t.field() + ":" + t.text()));
        return texts;
    }

    @Test
    void aWordInMostTextsIsWeighedButNotSearchedWhenTheQuestionHasARarerOne() throws Exception {
        // MINUSMA is in four of the fixture's seven texts, the ceremony in one.
        QueryPlan mixed = plan("MINUSMA ceremony");
        assertEquals(2, mixed.concepts().size(), mixed.concepts().toString());
        assertTrue(terms(mixed.scoring()).stream().noneMatch(t -> t.contains("minusma")), terms(mixed.scoring())
                .toString());
        assertTrue(terms(mixed.scoring()).stream().anyMatch(t -> t.contains("ceremoni")));
        QueryPlan alone = plan("MINUSMA");
        assertTrue(terms(alone.scoring()).stream().anyMatch(t -> t.contains("minusma")), "nothing rarer to search");
    }

    @Test
    void titleWordsAndThePreferenceAreABonusNotPartOfTheSearch() throws Exception {
        QueryPlan when = QueryPlan.of("when did MINUSMA take over from AFISMA?", Language.EN, AnswerType.DATE,
                generation.analysis(), generation.searcher()).orElseThrow();
        assertTrue(terms(when.bonus()).contains("kind:event"), terms(when.bonus()).toString());
        assertTrue(terms(when.bonus()).stream().anyMatch(t -> t.startsWith("title:")));
        assertFalse(terms(when.scoring()).stream().anyMatch(t -> t.startsWith("title:") || t.startsWith("kind:")));
    }
}
