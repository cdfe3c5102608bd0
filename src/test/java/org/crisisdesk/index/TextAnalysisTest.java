package org.crisisdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.crisisdesk.knowledge.Alias;
import org.crisisdesk.knowledge.Event;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.KnowledgeLoader;
import org.crisisdesk.testing.Fixtures;
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
    void dropsApostrophesInsideWordsAsTheRegularExpressionDid() {
        for (String text : List.of("N'Daw", "N’Daw", "aujourd'hui", "rock'n'roll", "''", "O’Neill’s", "d’Ansongo",
                "qu'il", "Mali's", "l’ONU")) {
            assertEquals(regexAnalysis(text), analysis.terms(text), text);
        }
    }

    /** The chain as it was, with the apostrophes dropped by a regular expression, without aliases. */
    private static List<String> regexAnalysis(String text) {
        try (Analyzer before = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new ElisionFilter(stream, TextAnalysis.ELISIONS);
                stream = new PatternReplaceFilter(stream, Pattern.compile("['\u2019]"), "", true);
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(stream, TextAnalysis.STOP_WORDS);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        }) {
            return TextAnalysis.analyze(before, text);
        }
    }

    @Test
    void tokensWithoutAliasesAreTheIndexAnalyzersWordsAtTheSameOffsets() {
        String text = "Ibrahim Boubacar Keïta (IBK) met ECOWAS envoys; N’Daw and l'armée's officers in Mali's north.";
        List<String> indexed = tokens(analysis.indexAnalyzer(), text);
        assertTrue(indexed.stream().anyMatch(t -> TextAnalysis.isAliasTerm(t.split("@")[0])), indexed.toString());
        assertEquals(indexed.stream().filter(t -> !TextAnalysis.isAliasTerm(t.split("@")[0])).sorted().toList(),
                sorted(analysis.tokens(text, false)));
    }

    /**
     * Names that overlap, nest, repeat across groups and share words: at each word the longest name wins and the
     * words it covers are not matched again, as in the synonym filter the index uses.
     */
    @Test
    void tokensWithAliasesAreTheIndexAnalyzersTermsEvenWhereNamesOverlap() {
        TextAnalysis overlapping = TextAnalysis.withAliases(List.of(
                List.of("Boubacar Keïta"),
                List.of("IBK", "Ibrahim Boubacar Keïta"),
                List.of("Keïta", "Keita"),
                List.of("West Africa"),
                List.of("ECOWAS", "CEDEAO", "Economic Community of West African States"),
                List.of("Serval"),
                List.of("Serval", "Operation Serval", "opération Serval"),
                List.of("the", "???")));
        String text = "Ibrahim Boubacar Keïta, Boubacar Keïta and Keita; Ibrahim Boubacar; West Africa and the "
                + "Economic Community of West African States (ECOWAS, la CEDEAO) after Operation Serval, Serval and "
                + "opération Serval. Keïta Keïta Boubacar Keïta Keïta.";
        List<String> indexed = tokens(overlapping.indexAnalyzer(), text);
        assertTrue(indexed.stream().filter(t -> TextAnalysis.isAliasTerm(t.split("@")[0])).count() >= 10,
                indexed.toString());
        assertEquals(indexed.stream().sorted().toList(), sorted(overlapping.tokens(text, true)));
    }

    /**
     * Snippets find the question's words by re-reading a text with {@link TextAnalysis#tokens}, not with the index
     * analyzer; on every text that ships, both must give the same terms at the same offsets.
     */
    @Test
    void tokensWithAliasesAreTheIndexAnalyzersTermsOnEveryShippedText() throws Exception {
        KnowledgeBase kb = new KnowledgeLoader().load(Fixtures.repository().resolve("knowledge"));
        TextAnalysis shipped = TextAnalysis.withAliases(kb.aliases().stream().map(Alias::names).toList());
        List<String> texts = Stream.concat(kb.passages().stream().flatMap(p -> Stream.of(p.title(), p.text())),
                kb.events().stream().map(Event::text)).toList();
        int aliasTerms = 0;
        for (String text : texts) {
            List<String> tokens = sorted(shipped.tokens(text, true));
            assertEquals(tokens(shipped.indexAnalyzer(), text).stream().sorted().toList(), tokens, text);
            aliasTerms += (int) tokens.stream().filter(TextAnalysis::isAliasTerm).count();
        }
        assertTrue(aliasTerms > kb.passages().size(), "the texts must exercise aliases; alias terms: " + aliasTerms);
    }

    private static List<String> sorted(List<TextAnalysis.Token> tokens) {
        return tokens.stream().map(t -> t.term() + "@" + t.start() + "-" + t.end()).sorted().toList();
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(Fields.TEXT, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Test
    void aTopicIsFiledUnderEveryNameOfItsAliases() {
        assertEquals(java.util.Set.of("ecowas", "cedeao", "economic community of west african states"),
                analysis.sameTopic("CÉDÉAO"));
        assertEquals(java.util.Set.of("2020 coup"), analysis.sameTopic("2020  Coup"));
    }

    @Test
    void stemsEnglishAndDropsQuestionWords() {
        assertEquals(analysis.terms("coup"), analysis.terms("coups"));
        assertEquals(analysis.terms("withdrawal"), analysis.terms("withdrawals"));
        assertTrue(analysis.terms("when did what who").isEmpty());
    }

    @Test
    void pronounsAreNotSearchedForTheyPointAtWhatTheQuestionNames() {
        assertTrue(analysis.terms("what happened to him").isEmpty(), analysis.terms("what happened to him").toString());
        assertTrue(analysis.terms("he his she her its them").isEmpty());
        // "How did Wagner get involved": "get" is how the question is put, not what it is about.
        assertTrue(analysis.terms("get got gets getting").isEmpty());
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
