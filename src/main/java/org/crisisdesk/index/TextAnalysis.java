package org.crisisdesk.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.crisisdesk.knowledge.Names;

/**
 * How text becomes terms, the same at index and at query time so that both sides agree: accents folded (Keïta =
 * Keita), French elisions removed (l'armée = armée) but N'Daw kept whole as ndaw, and every name of an alias tagged
 * with one shared term so that IBK finds Ibrahim Boubacar Keïta. There is one chain per {@link Language}: English
 * text and questions are stemmed the English way (Porter) with English stop words, French ones with Lucene's light
 * French stemmer and French stop words; an alias's names share one term in both, so CEDEAO in a French question
 * finds ECOWAS in an English text's alias field and the other way round.
 */
public final class TextAnalysis {

    /** Questions longer than this many terms add noise, not meaning; it also bounds the query's clause count. */
    public static final int MAX_QUERY_TERMS = 48;

    /** Keeps a phrase from matching across two values of a multi-valued field (a title and a text). */
    private static final int VALUE_GAP = 100;

    private static final String ALIAS_TERM_PREFIX = "alias#";

    /** French elided articles; "n" is left out on purpose so that N'Daw stays one name. */
    static final CharArraySet ELISIONS = new CharArraySet(
            List.of("l", "d", "j", "m", "t", "s", "c", "qu", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

    /**
     * English stop words, the words questions are made of, and French function words. "un" is not among them:
     * folded to lower case it is also the UN.
     */
    static final CharArraySet STOP_WORDS = stopWords();

    /** French function words and question words, folded as the chain folds them ("été" is "ete"). */
    static final CharArraySet FRENCH_STOP_WORDS = frenchStopWords();

    private final Map<Language, Chains> chains = new EnumMap<>(Language.class);
    private final Analyzer indexAnalyzer;
    /** Each alias group's names as analysed, by language: the index and the snippets find names the same way. */
    private final Map<Language, Map<String, List<AliasName>>> aliasNames = new EnumMap<>(Language.class);
    /** Each alias name's keyword, with the keywords of every name of its groups. */
    private final Map<String, Set<String>> sameTopic;

    /** The analyzers of one language: for indexing, for questions, and plain words (no alias terms). */
    private record Chains(Analyzer index, Analyzer query, Analyzer words) {
    }

    /** One name of an alias group: its words as analysed, and the group's shared term. */
    private record AliasName(List<String> words, String term) {
    }

    /** A term of a text and where it is in the text. */
    public record Token(String term, int start, int end) {
    }

    private TextAnalysis(List<List<String>> aliasGroups, List<List<String>> synonymGroups) {
        for (Language language : Language.values()) {
            Analyzer words = new ChainAnalyzer(language, null, false, false);
            Set<AliasName> names = aliasNames(aliasGroups, words, ALIAS_TERM_PREFIX);
            names.addAll(aliasNames(synonymGroups, words, ALIAS_TERM_PREFIX + "s"));
            this.aliasNames.put(language, byFirstWord(names));
            SynonymMap aliases = buildAliasMap(names);
            chains.put(language, new Chains(new ChainAnalyzer(language, aliases, true, false),
                    new ChainAnalyzer(language, aliases, false, true), words));
        }
        this.sameTopic = sameTopic(aliasGroups);
        this.indexAnalyzer = new PerFieldAnalyzerWrapper(chains.get(Language.EN).index(), Map.of(
                Fields.ALL_FR, chains.get(Language.FR).index(),
                Fields.TITLE_FR, chains.get(Language.FR).index()));
    }

    /** Analysis with these alias groups; each group is a list of names that mean the same thing. */
    public static TextAnalysis withAliases(List<List<String>> aliasGroups) {
        return new TextAnalysis(aliasGroups, List.of());
    }

    /**
     * Analysis with alias groups (names of one thing) and synonym groups (words that mean the same); both tag each
     * member with a shared term, but only aliases name topics.
     */
    public static TextAnalysis withAliases(List<List<String>> aliasGroups, List<List<String>> synonymGroups) {
        return new TextAnalysis(aliasGroups, synonymGroups);
    }

    /**
     * For indexing: alias terms are flattened into the token stream so they can be written to postings; the French
     * fields ({@link Fields#ALL_FR}, {@link Fields#TITLE_FR}) are analysed with the French chain, the rest with the
     * English one.
     */
    public Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    /** For English questions: the alias graph is kept for the query builder, and long questions are cut. */
    public Analyzer queryAnalyzer() {
        return queryAnalyzer(Language.EN);
    }

    /** For questions in {@code language}. */
    public Analyzer queryAnalyzer(Language language) {
        return chains.get(language).query();
    }

    /** Closes every analyzer; once indexing is done. */
    void close() {
        indexAnalyzer.close();
        for (Chains chain : chains.values()) {
            chain.index().close();
            chain.query().close();
            chain.words().close();
        }
    }

    /**
     * The terms the index analyzer makes of {@code text}, at the same offsets, in text order but for alias terms,
     * which follow the words; alias terms only when {@code withAliases}. Aliases are found by matching the names'
     * words against the text's words, as the synonym filter does (at each word the longest name that starts
     * there; the words it covers are not matched again), but without its token graph, which made re-reading a
     * chosen text for its snippet cost three times what reading its words does.
     */
    public List<Token> tokens(String text, boolean withAliases) {
        return tokens(text, withAliases, Language.EN);
    }

    /** {@link #tokens(String, boolean)} for a text in {@code language}, with that language's chain. */
    public List<Token> tokens(String text, boolean withAliases, Language language) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = chains.get(language).words().tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory", e);
        }
        Map<String, List<AliasName>> names = aliasNames.get(language);
        if (withAliases && !names.isEmpty()) {
            addAliases(tokens, names);
        }
        return tokens;
    }

    private static void addAliases(List<Token> tokens, Map<String, List<AliasName>> aliasNames) {
        int words = tokens.size();
        int i = 0;
        while (i < words) {
            int matched = 0;
            for (AliasName name : aliasNames.getOrDefault(tokens.get(i).term(), List.of())) {
                int length = name.words().size();
                if (length < matched) {
                    break;
                }
                if (i + length <= words && startsAt(tokens, i, name.words())) {
                    matched = length;
                    tokens.add(new Token(name.term(), tokens.get(i).start(), tokens.get(i + length - 1).end()));
                }
            }
            i += Math.max(1, matched);
        }
    }

    private static boolean startsAt(List<Token> tokens, int at, List<String> words) {
        for (int w = 0; w < words.size(); w++) {
            if (!tokens.get(at + w).term().equals(words.get(w))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code term} is the term shared by the words of a synonym group (a kind of alias term). */
    public static boolean isSynonymTerm(String term) {
        return term.startsWith(ALIAS_TERM_PREFIX + "s");
    }

    /** Whether {@code term} is the term shared by the names of an alias rather than a word. */
    public static boolean isAliasTerm(String term) {
        return term.startsWith(ALIAS_TERM_PREFIX);
    }

    /** The terms a text analyses to, for tests and diagnostics. */
    public List<String> terms(String text) {
        return terms(text, Language.EN);
    }

    /** The terms a text in {@code language} analyses to, as a question would. */
    public List<String> terms(String text, Language language) {
        return analyze(queryAnalyzer(language), text);
    }

    /** A topic or tag as a filter key: lower case, no accents, single spaces. */
    public static String keyword(String text) {
        return Names.fold(text);
    }

    /**
     * The keywords a topic is filed under: its own, and those of every name of an alias it is a name of (CEDEAO,
     * ECOWAS and the full name for any of them).
     */
    public Set<String> sameTopic(String topic) {
        String key = keyword(topic);
        return sameTopic.getOrDefault(key, Set.of(key));
    }

    private static Map<String, Set<String>> sameTopic(List<List<String>> aliasGroups) {
        Map<String, Set<String>> topics = new HashMap<>();
        for (List<String> group : aliasGroups) {
            List<String> keywords = group.stream().map(TextAnalysis::keyword).toList();
            for (String key : keywords) {
                topics.computeIfAbsent(key, k -> new LinkedHashSet<>(List.of(k))).addAll(keywords);
            }
        }
        topics.replaceAll((key, keywords) -> Collections.unmodifiableSet(keywords));
        return topics;
    }

    /** Each group's names analysed as words, in the groups' order; a name that analyses to nothing is dropped. */
    private static Set<AliasName> aliasNames(List<List<String>> groups, Analyzer words, String prefix) {
        Set<AliasName> names = new LinkedHashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String name : groups.get(g)) {
                List<String> analysed = analyze(words, name);
                if (!analysed.isEmpty()) {
                    names.add(new AliasName(analysed, prefix + g));
                }
            }
        }
        return names;
    }

    /** The names by their first word, longest first, for matching them in a text. */
    private static Map<String, List<AliasName>> byFirstWord(Set<AliasName> names) {
        Map<String, List<AliasName>> byFirstWord = new HashMap<>();
        for (AliasName name : names) {
            byFirstWord.computeIfAbsent(name.words().get(0), w -> new ArrayList<>()).add(name);
        }
        byFirstWord.values().forEach(list -> list.sort(
                Comparator.comparingInt((AliasName name) -> name.words().size()).reversed()));
        return byFirstWord;
    }

    private static SynonymMap buildAliasMap(Set<AliasName> names) {
        if (names.isEmpty()) {
            return null;
        }
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        for (AliasName name : names) {
            CharsRefBuilder input = new CharsRefBuilder();
            SynonymMap.Builder.join(name.words().toArray(String[]::new), input);
            builder.add(input.get(), new CharsRef(name.term()), true);
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(Fields.ALL, new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static CharArraySet frenchStopWords() {
        CharArraySet set = new CharArraySet(64, true);
        for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
            set.add(org.crisisdesk.knowledge.Names.fold(new String((char[]) word)));
        }
        for (char letter = 'a'; letter <= 'z'; letter++) {
            set.add(String.valueOf(letter));
        }
        for (String word : ("qui quoi quand quel quelle quels quelles comment pourquoi combien ou est-ce est ce c"
                + " cest quest dit dis moi explique expliquer parle savoir peux pouvez vous tu on a eu lieu depuis fait"
                + " ete etait etaient sont ont avait avaient sera seront y ca cela ceci celle celui ceux la le les"
                + " du des un une au aux koi ki pk pq stp svp chez versus comparer comparaison difference differences chacun chacune implique impliquee impliques impliquer implication"
                + " impliquant").split(" ")) {
            set.add(word);
        }
        return CharArraySet.unmodifiableSet(set);
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (char letter = 'a'; letter <= 'z'; letter++) {
            // Single letters are debris: the t of "a-t-il", initials, list markers.
            set.add(String.valueOf(letter));
        }
        for (String word : ("who whom whose what whats when where which why how did does do done doing were has have"
                + " had been being happen happened happening tell me about please can could would should you i we"
                + " our my your am any some much many know explain describe anything something"
                // Pronouns point at something the question (or its context) names; searched, "him" finds
                // whoever a passage says was appointed "him". "Get" is how a question is put ("how did Wagner get
                // involved"), not what it is about; nor is "involved": Wagner got involved by a contract, and a
                // passage on abuses "involving" Wagner is not how.
                + " he him his she her hers its them theirs himself herself itself themselves get got gets getting gotten"
                + " involve involved involves involving involvement"
                // "Since when", "since 2012": the period is read from the question (QuestionReader), the word
                // itself finds nothing.
                + " since"
                // How a comparison is put ("X vs Y", "how do they differ"): searched when a comparison falls back to
                // one search, these found nothing and counted as words the base lacks.
                + " vs versus compare compared comparison comparisons differ differs differed differently difference"
                + " differences each"
                + " le la les une des du de et ou au aux est sont qui que quoi quand quel quelle quels quelles"
                + " comment pourquoi ce cette ces il elle ils elles se sa son ses leur leurs pour par sur dans avec"
                + " y eu ete lieu ont avait etait fut")
                .split(" ")) {
            set.add(word);
        }
        return CharArraySet.unmodifiableSet(set);
    }

    /** The one token chain per language; the flags choose what differs between indexing, questions and alias names. */
    private static final class ChainAnalyzer extends Analyzer {
        private final Language language;
        private final SynonymMap synonyms;
        private final boolean flatten;
        private final boolean limit;

        ChainAnalyzer(Language language, SynonymMap synonyms, boolean flatten, boolean limit) {
            this.language = language;
            this.synonyms = synonyms;
            this.flatten = flatten;
            this.limit = limit;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = tokenizer;
            if (limit) {
                stream = new LimitTokenCountFilter(stream, MAX_QUERY_TERMS);
            }
            if (language == Language.EN) {
                stream = new EnglishPossessiveFilter(stream);
            }
            stream = new LowerCaseFilter(stream);
            stream = new ElisionFilter(stream, ELISIONS);
            stream = new ApostropheFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            if (language == Language.EN) {
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new PorterStemFilter(stream);
            } else {
                stream = new StopFilter(stream, FRENCH_STOP_WORDS);
                stream = new FrenchLightStemFilter(stream);
            }
            if (synonyms != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
                if (flatten) {
                    stream = new FlattenGraphFilter(stream);
                }
            }
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_GAP;
        }
    }
}
