package org.crisisdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    private final TextAnalysis analysis = TextAnalysis.withAliases(List.of(
            List.of("IBK", "Ibrahim Boubacar Keïta"),
            List.of("ECOWAS", "CEDEAO", "Economic Community of West African States")));

    @Test
    void foldsAccentsAndCase() {
        assertEquals(analysis.terms("Goïta"), analysis.terms("GOITA"));
        assertEquals(analysis.terms("Ménaka"), analysis.terms("menaka"));
    }

    @Test
    void keepsNDawWholeButDropsFrenchArticles() {
        assertEquals(analysis.terms("Ndaw"), analysis.terms("N'Daw"));
        assertEquals(analysis.terms("N’Daw"), analysis.terms("N'Daw"));
        assertEquals(analysis.terms("armée"), analysis.terms("l'armée"));
        assertEquals(List.of("ndaw"), analysis.terms("N'Daw"));
    }

    @Test
    void stemsEnglishAndDropsQuestionWords() {
        assertEquals(analysis.terms("coup"), analysis.terms("coups"));
        assertEquals(analysis.terms("withdrawal"), analysis.terms("withdrawals"));
        assertTrue(analysis.terms("when did what who").isEmpty());
    }

    @Test
    void keepsTheUnitedNationsAsUn() {
        assertFalse(analysis.terms("the UN mission").isEmpty());
        assertTrue(analysis.terms("the UN mission").contains("un"));
    }

    @Test
    void tagsEveryNameOfAnAliasWithOneSharedTerm() {
        List<String> shared = new ArrayList<>(analysis.terms("IBK"));
        shared.retainAll(analysis.terms("Ibrahim Boubacar Keita"));
        assertEquals(1, shared.size(), "IBK and his full name share exactly the alias term: " + shared);
        List<String> french = new ArrayList<>(analysis.terms("la cedeao"));
        french.retainAll(analysis.terms("economic community of west african states"));
        assertEquals(1, french.size(), french.toString());
        List<String> unrelated = new ArrayList<>(analysis.terms("IBK"));
        unrelated.retainAll(analysis.terms("ECOWAS"));
        assertTrue(unrelated.isEmpty(), unrelated.toString());
    }

    @Test
    void cutsVeryLongQuestions() {
        String longQuestion = "mali ".repeat(5000);
        assertEquals(TextAnalysis.MAX_QUERY_TERMS, analysis.terms(longQuestion).size());
    }

    @Test
    void keywordsAreFoldedForFiltering() {
        assertEquals("cedeao", TextAnalysis.keyword("  CÉDÉAO "));
        assertEquals("2020 coup", TextAnalysis.keyword("2020   Coup"));
    }
}
