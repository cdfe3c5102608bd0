package org.crisisdesk.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.TextAnalysis;

/**
 * A question turned into Lucene queries without any query parser: the text only ever goes through the analyzer
 * (via {@link QueryBuilder}), so operators, quotes, brackets and wildcards in it are just characters.
 *
 * @param scoring  finds and ranks candidates: the question's words and aliases only (less any in most texts), one
 *                 flat disjunction, so Lucene's fastest top-k algorithm applies
 * @param bonus    added to a candidate's score: its title's words, and the kind of text the question asks for
 *                 (an event for "when", a person for "who"); scored on the candidates only
 * @param matching what the question's words are, for highlighting
 * @param concepts one per word or alias of the question; confidence is the weighted share a text covers
 * @param field    the searched field: {@link Fields#ALL} for English questions, {@link Fields#ALL_FR} for French
 * @param language the question's language
 * @param texts    how many texts the searched field has
 */
record QueryPlan(Query scoring, Query bonus, Query matching, List<Concept> concepts, String field,
        Language language, int texts) {
    private static final float TITLE_BOOST = 0.5f;
    private static final double COMMON_SHARE = 0.4;
    private static final double RARE_SHARE = 0.02;
    private static final float EVENT_PREFERENCE = 1.5f;
    private static final float PERSON_PREFERENCE = 1.5f;
    /** Shorter unknown words are too often other real words one letter away to be corrected safely. */
    private static final int MIN_FUZZY_LENGTH = 5;

    /** One thing the question asks about, with the terms it stands for and how many texts have it. */
    record Concept(Query query, List<String> terms, int docFreq, boolean corrected) {
    }

    /** The plan for a question, or empty when nothing searchable is left after analysis ("???", "the of"). */
    static Optional<QueryPlan> of(String question, TextAnalysis analysis, IndexSearcher searcher) throws IOException {
        return of(question, Language.EN, AnswerType.GENERAL, analysis, searcher);
    }

    /**
     * The plan for {@code text} in {@code language}, preferring texts of the kind {@code type} asks for (events for
     * a date, passages about a person for a name).
     */
    static Optional<QueryPlan> of(String text, Language language, AnswerType type, TextAnalysis analysis,
            IndexSearcher searcher) throws IOException {
        String field = field(language);
        String titleField = language == Language.FR ? Fields.TITLE_FR : Fields.TITLE;
        QueryBuilder builder = new QueryBuilder(analysis.queryAnalyzer(language));
        Query all = builder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
        if (all == null) {
            return Optional.empty();
        }
        List<Query> parts = split(all);
        List<Concept> concepts = new ArrayList<>();
        for (Query part : parts) {
            concepts.add(concept(part, searcher));
        }
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        int texts = Math.max(1, searcher.getIndexReader().getDocCount(field));
        boolean anyDistinctive = concepts.stream().anyMatch(c -> !inMostTexts(c, texts));
        for (Concept concept : concepts) {
            if (!anyDistinctive || !inMostTexts(concept, texts)) {
                scoring.add(concept.query(), BooleanClause.Occur.SHOULD);
            }
        }
        // Scored on the candidates rather than searched: as clauses of the search, the title words and the
        // preference (a third of a large base are events) made a million-passage search up to twice as slow, and
        // the development set ranks the same either way (README, "Performance").
        BooleanQuery.Builder bonus = new BooleanQuery.Builder();
        for (Query titleWord : titleWords(parts, text, builder, titleField)) {
            bonus.add(new BoostQuery(titleWord, TITLE_BOOST), BooleanClause.Occur.SHOULD);
        }
        if (type == AnswerType.DATE) {
            bonus.add(preference(new TermQuery(new Term(Fields.KIND, Fields.KIND_EVENT)), EVENT_PREFERENCE),
                    BooleanClause.Occur.SHOULD);
        } else if (type == AnswerType.PERSON) {
            bonus.add(preference(new TermQuery(new Term(Fields.ABOUT, "person")), PERSON_PREFERENCE),
                    BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        concepts.forEach(c -> matching.add(c.query(), BooleanClause.Occur.SHOULD));
        return Optional.of(new QueryPlan(scoring.build(), bonus.build(), matching.build(), concepts, field,
                language, texts));
    }

    /** The field a question in {@code language} searches. */
    private static String field(Language language) {
        return language == Language.FR ? Fields.ALL_FR : Fields.ALL;
    }

    /** Whether the index has {@code word} as a question in {@code language} would search it; stop words count as known. */
    static boolean knows(String word, Language language, TextAnalysis analysis, IndexSearcher searcher) {
        String field = field(language);
        try {
            List<String> terms = analysis.terms(word, language);
            for (String term : terms) {
                if (searcher.getIndexReader().docFreq(new Term(field, term)) > 0) {
                    return true;
                }
            }
            return terms.isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether a concept is in so many texts ("Mali") that it says little about what is asked. */
    boolean common(Concept concept) {
        return commonShare(concept) > COMMON_SHARE;
    }

    /** Whether a concept is in so few texts (at most 2%) that it names something specific ("Konna", "Barrick"). */
    boolean rare(Concept concept) {
        return commonShare(concept) <= RARE_SHARE;
    }

    private double commonShare(Concept concept) {
        return concept.docFreq() / (double) Math.max(1, texts);
    }

    boolean french() {
        return language == Language.FR;
    }

    /**
     * Whether a concept is in so many texts ("Mali", in a base about Mali) that it is left out of the search when
     * the question has a rarer one: its BM25 weight is a tenth of a distinctive word's, so it hardly moves the
     * ranking, yet the search must walk its postings, a pass over half the index (13% of a million-passage search).
     * Coverage and confidence still count it. At 40% the development set ranks the same; at 20% it did not.
     */
    private static boolean inMostTexts(Concept concept, int texts) {
        return concept.docFreq() > COMMON_SHARE * texts;
    }

    /**
     * The question's words on the title field. Rebuilt from the question's analysis on the main field rather than
     * by analysing the question again (the same analyzer serves both fields, so the queries are the same but for
     * the field); a query kind this does not rebuild falls back to analysing.
     */
    private static List<Query> titleWords(List<Query> parts, String question, QueryBuilder builder, String field) {
        List<Query> onTitle = new ArrayList<>(parts.size());
        for (Query part : parts) {
            Optional<Query> rebuilt = onField(part, field);
            if (rebuilt.isEmpty()) {
                return split(builder.createBooleanQuery(field, question, BooleanClause.Occur.SHOULD));
            }
            onTitle.add(rebuilt.get());
        }
        return onTitle;
    }

    private static Optional<Query> onField(Query query, String field) {
        if (query instanceof TermQuery term) {
            return Optional.of(new TermQuery(new Term(field, term.getTerm().bytes())));
        }
        if (query instanceof SynonymQuery synonyms) {
            SynonymQuery.Builder rebuilt = new SynonymQuery.Builder(field);
            synonyms.getTerms().forEach(t -> rebuilt.addTerm(new Term(field, t.bytes())));
            return Optional.of(rebuilt.build());
        }
        if (query instanceof PhraseQuery phrase) {
            PhraseQuery.Builder rebuilt = new PhraseQuery.Builder().setSlop(phrase.getSlop());
            Term[] terms = phrase.getTerms();
            int[] positions = phrase.getPositions();
            for (int i = 0; i < terms.length; i++) {
                rebuilt.add(new Term(field, terms[i].bytes()), positions[i]);
            }
            return Optional.of(rebuilt.build());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder rebuilt = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                Optional<Query> inner = onField(clause.getQuery(), field);
                if (inner.isEmpty()) {
                    return Optional.empty();
                }
                rebuilt.add(inner.get(), clause.getOccur());
            }
            return Optional.of(rebuilt.build());
        }
        return Optional.empty();
    }

    /** Texts of {@code kind} score {@code boost} more. */
    private static Query preference(Query kind, float boost) {
        return new BoostQuery(new ConstantScoreQuery(kind), boost);
    }

    /** QueryBuilder makes one clause per position (or per alias span); each is one thing the question asks. */
    private static List<Query> split(Query all) {
        Set<Query> parts = new LinkedHashSet<>();
        if (all == null) {
            return List.of();
        }
        if (all instanceof BooleanQuery bool && bool.clauses().stream()
                .allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)) {
            for (BooleanClause clause : bool.clauses()) {
                parts.add(clause.getQuery());
            }
        } else {
            parts.add(all);
        }
        return new ArrayList<>(parts);
    }

    /** A word the knowledge base has never seen is probably misspelt (Keyta, Ogosagou): try its near spellings. */
    private static Concept concept(Query query, IndexSearcher searcher) throws IOException {
        List<String> terms = terms(query);
        if (!(query instanceof TermQuery word)) {
            return new Concept(query, terms, docFreq(query, searcher), false);
        }
        // The term is looked up once in every segment here, and the coverage and the search reuse what was found
        // instead of looking it up again.
        TermStates states = TermStates.build(searcher, word.getTerm(), true);
        if (states.docFreq() > 0) {
            return new Concept(new TermQuery(word.getTerm(), states), terms, states.docFreq(), false);
        }
        String text = word.getTerm().text();
        if (isCorrectable(text)) {
            int edits = text.length() >= 8 ? 2 : 1;
            // Rewritten once here: the near spellings as plain terms. Kept as a FuzzyQuery, its automaton would be
            // built again by every later user (coverage, search, highlighter), which cost more than the search.
            Query nearSpellings = searcher.rewrite(new FuzzyQuery(word.getTerm(), edits, 1));
            int fuzzyFreq = docFreq(nearSpellings, searcher);
            if (fuzzyFreq > 0) {
                return new Concept(nearSpellings, terms, fuzzyFreq, true);
            }
        }
        return new Concept(query, terms, 0, false);
    }

    /**
     * How many texts have the concept, read from the terms dictionary (the largest document frequency of its
     * terms) rather than counted: counting a synonym or phrase concept walks its postings, which at a million
     * passages costs more than the rest of the question. An alias's shared term is on every text that names it, so
     * the estimate is close where it matters.
     */
    private static int docFreq(Query query, IndexSearcher searcher) throws IOException {
        Set<Term> terms = new LinkedHashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        int max = 0;
        for (Term term : terms) {
            max = Math.max(max, searcher.getIndexReader().docFreq(term));
        }
        return max;
    }

    private static boolean isCorrectable(String term) {
        return term.length() >= MIN_FUZZY_LENGTH && term.chars().allMatch(Character::isLetter);
    }

    /**
     * Each concept's terms as searched, in the plan's order: a misspelt word's near spellings, not the misspelling.
     */
    List<Set<String>> conceptTerms() {
        List<Set<String>> terms = new ArrayList<>(concepts.size());
        for (Concept concept : concepts) {
            terms.add(new java.util.HashSet<>(terms(concept.query())));
        }
        return terms;
    }

    /** The distinct term texts of a query, whatever its fields. */
    static List<String> terms(Query query) {
        Set<Term> terms = new LinkedHashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        return terms.stream().map(Term::text).distinct().toList();
    }
}
