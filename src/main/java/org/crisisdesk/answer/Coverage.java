package org.crisisdesk.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * How much of a question a text covers, each word (or alias) of the question weighted by how rare it is in the
 * knowledge base (and by {@link ConceptWeights}). Unlike a raw BM25 score it is comparable between questions,
 * which a fixed threshold needs. Two measures come out of it:
 * <ul>
 *   <li>{@link Measure#share}: the weighted share of the question the text matches; it reranks candidates;</li>
 *   <li>{@link Measure#confidence}: the same, but a word the knowledge base knows and this text lacks counts
 *       {@link #KNOWN_MISSING} times: the base has texts about it and this is not one of them ("what caused the
 *       2008 financial crisis?" against a text on the causes of the 2012 rebellion). A word the base has never
 *       seen is only as bad as its weight: it may be vocabulary the base lacks, not a different subject.</li>
 * </ul>
 * It also scores each text's {@link QueryPlan#bonus}, which is cheaper here, for twenty texts, than as part of the
 * search over all of them.
 */
final class Coverage {

    /** Chosen on the development set with the threshold in {@link AnswerPolicy} (README). */
    static final double KNOWN_MISSING = 1.5;

    private final IndexSearcher searcher;
    private final List<Weight> weights;
    private final Weight bonus;
    private final double[] conceptWeights;
    private final double[] missingWeights;
    private final double total;

    /**
     * How much each concept of the plan counts, in the plan's order: its rarity, adjusted by {@link ConceptWeights}
     * (a copy).
     */
    double[] weights() {
        return conceptWeights.clone();
    }

    /** The two measures of one text, each within 0..1, and the bonus it scores. */
    record Measure(double share, double confidence, float bonus) {
    }

    private Coverage(IndexSearcher searcher, List<Weight> weights, Weight bonus, double[] conceptWeights,
            double[] missingWeights) {
        this.searcher = searcher;
        this.weights = weights;
        this.bonus = bonus;
        this.conceptWeights = conceptWeights;
        this.missingWeights = missingWeights;
        double sum = 0;
        for (double w : conceptWeights) {
            sum += w;
        }
        this.total = sum;
    }

    static Coverage of(IndexSearcher searcher, QueryPlan plan, ConceptWeights rules) throws IOException {
        int docs = Math.max(1, searcher.getIndexReader().getDocCount(plan.field()));
        double maxIdf = idf(0, docs);
        int n = plan.concepts().size();
        List<Weight> weights = new ArrayList<>(n);
        double[] conceptWeights = new double[n];
        double[] missingWeights = new double[n];
        for (int i = 0; i < n; i++) {
            QueryPlan.Concept concept = plan.concepts().get(i);
            weights.add(searcher.createWeight(searcher.rewrite(concept.query()), ScoreMode.COMPLETE_NO_SCORES, 1f));
            boolean unknown = concept.docFreq() == 0 || concept.corrected();
            double rarity = idf(concept.docFreq(), docs);
            conceptWeights[i] = rules.weight(concept.terms(), rarity, maxIdf, unknown, plan.french());
            boolean generic = conceptWeights[i] < rarity;
            missingWeights[i] = unknown || generic ? conceptWeights[i] : conceptWeights[i] * KNOWN_MISSING;
        }
        Weight bonus = searcher.createWeight(searcher.rewrite(plan.bonus()), ScoreMode.COMPLETE, 1f);
        return new Coverage(searcher, weights, bonus, conceptWeights, missingWeights);
    }

    /**
     * BM25's idf, square-rooted: rarity should count, but with raw idf one rare word outweighs the rest of the
     * question, and "the capital of France" was answered by a text that only mentions a capital. Measured on the
     * development set (README): the root separates answerable from off-topic questions best.
     */
    private static double idf(int docFreq, int docs) {
        return Math.sqrt(Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5)));
    }

    /**
     * The measures and bonuses of several distinct documents at once, in the order given. Documents are visited in
     * index order, so each concept needs one scorer per segment, advanced forward, rather than one per document.
     */
    Measure[] measure(int[] docs) throws IOException {
        int[] sorted = docs.clone();
        Arrays.sort(sorted);
        double[] covered = new double[sorted.length];
        double[] missing = new double[sorted.length];
        float[] bonuses = new float[sorted.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int start = 0;
        while (start < sorted.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[start], leaves));
            int end = start;
            while (end < sorted.length && sorted[end] < leaf.docBase + leaf.reader().maxDoc()) {
                end++;
            }
            for (int c = 0; c < weights.size(); c++) {
                Scorer scorer = weights.get(c).scorer(leaf);
                for (int d = start; d < end; d++) {
                    if (scorer != null && matches(scorer, sorted[d] - leaf.docBase)) {
                        covered[d] += conceptWeights[c];
                    } else {
                        missing[d] += missingWeights[c];
                    }
                }
            }
            Scorer bonusScorer = bonus.scorer(leaf);
            for (int d = start; bonusScorer != null && d < end; d++) {
                if (matches(bonusScorer, sorted[d] - leaf.docBase)) {
                    bonuses[d] = bonusScorer.score();
                }
            }
            start = end;
        }
        Measure[] measures = new Measure[docs.length];
        for (int i = 0; i < docs.length; i++) {
            int d = Arrays.binarySearch(sorted, docs[i]);
            double share = total <= 0 ? 0 : covered[d] / total;
            double confidence = covered[d] + missing[d] <= 0 ? 0 : covered[d] / (covered[d] + missing[d]);
            measures[i] = new Measure(share, confidence, bonuses[d]);
        }
        return measures;
    }

    /** Whether the scorer, which only moves forward, matches {@code target}. */
    private static boolean matches(Scorer scorer, int target) throws IOException {
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        if (twoPhase == null) {
            DocIdSetIterator iterator = scorer.iterator();
            int at = iterator.docID() < target ? iterator.advance(target) : iterator.docID();
            return at == target;
        }
        DocIdSetIterator approximation = twoPhase.approximation();
        int at = approximation.docID() < target ? approximation.advance(target) : approximation.docID();
        return at == target && twoPhase.matches();
    }
}
