package org.crisisdesk.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.crisisdesk.citation.CitationNumbering;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.GenerationManager;
import org.crisisdesk.knowledge.PartialDate;

/**
 * Question in, cited snippets out, or a plain "no sourced answer". Safe for any text and for concurrent use: each
 * question holds one generation for its whole life, so a reindex mid-answer is never seen half-way.
 */
public final class AnswerEngine {

    static final String NO_ANSWER = "I have no sourced answer to that.";
    static final String EMPTY = "Ask a question about the crisis in Mali, for example: when did MINUSMA leave Mali?";
    static final String NOTHING_TO_SEARCH = "I could not find any words to search for in that question.";
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    /** Rerank: BM25 times (this + share covered), so a text that covers more of the question moves up. */
    private static final double RANK_FLOOR = 0.25;

    private final GenerationManager generations;
    private final AnswerPolicy policy;
    /**
     * What is built once per generation rather than per question (the highlighter, the everyday-word table); one
     * slot, replaced when a new generation comes into service, so a retired generation is not kept reachable.
     */
    private final AtomicReference<PerGeneration> perGeneration = new AtomicReference<>();

    private record PerGeneration(Generation generation, ConceptWeights weights, SnippetCutter cutter,
            StoredDocuments documents) {
    }

    /** Stored documents kept per generation: the few hundred texts most questions come back to. */
    private static final int CACHED_DOCUMENTS = 2048;

    public AnswerEngine(GenerationManager generations, AnswerPolicy policy) {
        this.generations = generations;
        this.policy = policy;
    }

    public Answer ask(String question) {
        String cleaned = clean(question);
        if (cleaned.isEmpty()) {
            return Answer.refused(cleaned, 0, EMPTY, List.of());
        }
        if (cleaned.length() > policy.maxQuestionChars()) {
            return Answer.refused(cleaned, 0, "That question is " + cleaned.length() + " characters long; please ask in "
                    + policy.maxQuestionChars() + " characters or fewer.", List.of());
        }
        return generations.read(generation -> answer(cleaned, generation));
    }

    private Answer answer(String question, Generation generation) throws IOException {
        IndexSearcher searcher = generation.searcher();
        Optional<QueryPlan> planned = QueryPlan.of(question, generation.analysis(), searcher);
        if (planned.isEmpty()) {
            return Answer.refused(question, 0, NOTHING_TO_SEARCH, topTopics(generation));
        }
        QueryPlan plan = planned.get();
        // Nothing reads the total hit count, so Lucene may start skipping as soon as it has the candidates, rather
        // than after counting the first thousand hits exactly (its default).
        TopDocs top = searcher.search(plan.scoring(),
                new TopScoreDocCollectorManager(policy.candidates(), policy.candidates()));
        if (top.scoreDocs.length == 0) {
            return Answer.refused(question, 0, NO_ANSWER, topTopics(generation));
        }
        PerGeneration tools = tools(generation);
        Coverage coverage = Coverage.of(searcher, plan, tools.weights());
        List<Candidate> candidates = new ArrayList<>();
        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        Coverage.Measure[] measures = coverage.measure(docs);
        for (int i = 0; i < docs.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            Coverage.Measure measured = measures[i];
            float score = hit.score + measured.bonus();
            candidates.add(new Candidate(hit.doc, score, measured.confidence(),
                    score * (RANK_FLOOR + measured.share())));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::rank).reversed());
        Candidate best = candidates.get(0);
        StoredDocuments stored = tools.documents();
        if (best.confidence() < policy.minConfidence()) {
            return Answer.refused(question, best.confidence(), NO_ANSWER, nearestTopics(candidates, stored, generation));
        }
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (chosen.size() == policy.maxSnippets()) {
                break;
            }
            if (candidate.confidence() >= policy.minConfidence()
                    && candidate.rank() >= best.rank() * policy.secondaryRatio()) {
                chosen.add(candidate);
            }
        }
        return compose(question, best.confidence(), chosen, plan, generation, stored, tools.cutter());
    }

    private PerGeneration tools(Generation generation) {
        PerGeneration current = perGeneration.get();
        if (current != null && current.generation() == generation) {
            return current;
        }
        StoredDocuments documents = new StoredDocuments(generation.searcher().getIndexReader(), CACHED_DOCUMENTS);
        PerGeneration fresh = new PerGeneration(generation, new ConceptWeights(generation.analysis()),
                new SnippetCutter(generation.analysis(), documents), documents);
        perGeneration.set(fresh);
        return fresh;
    }

    private Answer compose(String question, double confidence, List<Candidate> chosen, QueryPlan plan,
            Generation generation, StoredDocuments stored, SnippetCutter cutter) throws IOException {
        int[] docs = chosen.stream().mapToInt(Candidate::doc).toArray();
        List<SnippetCutter.Cut> cuts = cutter.cut(plan.matching(), docs, 2);
        CitationNumbering numbering = new CitationNumbering(generation.sources());
        List<Snippet> snippets = new ArrayList<>();
        Set<String> seenTexts = new LinkedHashSet<>();
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored.get(docs[i]);
            SnippetCutter.Cut cut = cuts.get(i);
            if (cut.text().isEmpty() || !seenTexts.add(cut.text())) {
                continue;
            }
            boolean event = Fields.KIND_EVENT.equals(doc.get(Fields.KIND));
            Optional<PartialDate> date = event ? PartialDate.parse(doc.get(Fields.DATE)) : Optional.empty();
            if (date.isPresent()) {
                cut = cut.prefixed(date.get().display() + ": ");
            }
            String note = doc.get(Fields.NOTE);
            String text = note == null ? cut.text() : cut.text() + " Note: " + note;
            List<Integer> citations = numbering.cite(List.of(doc.getValues(Fields.SOURCE)));
            snippets.add(new Snippet(text, Optional.ofNullable(doc.get(Fields.TITLE)), citations, doc.get(Fields.ID),
                    event ? Snippet.Kind.EVENT : Snippet.Kind.PASSAGE, date, cut.highlights()));
        }
        if (snippets.isEmpty()) {
            return Answer.refused(question, confidence, NO_ANSWER, topTopics(generation));
        }
        Optional<String> didYouMean = new Correction(generation.analysis())
                .suggest(question, plan.concepts(), snippets);
        return new Answer(question, true, confidence, snippets, numbering.citations(), Optional.empty(), List.of(),
                didYouMean);
    }

    /** The titles and topics of the closest texts, so a refusal still points somewhere useful. */
    private static List<String> nearestTopics(List<Candidate> candidates, StoredDocuments stored, Generation generation)
            throws IOException {
        Set<String> topics = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            if (topics.size() >= 5) {
                break;
            }
            Document doc = stored.get(candidate.doc());
            String title = doc.get(Fields.TITLE);
            if (title != null) {
                topics.add(title);
            } else {
                for (String topic : doc.getValues(Fields.TOPIC_LABEL)) {
                    topics.add(topic);
                }
            }
        }
        List<String> nearest = new ArrayList<>(topics);
        return nearest.isEmpty() ? topTopics(generation) : nearest.subList(0, Math.min(5, nearest.size()));
    }

    private static List<String> topTopics(Generation generation) {
        List<String> topics = generation.manifest().topics();
        return topics.subList(0, Math.min(5, topics.size()));
    }

    /** Control and formatting characters (zero-width, bidi overrides) are dropped; white space is collapsed. */
    static String clean(String question) {
        if (question == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(question.length(), 20_000));
        question.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
                    && type != Character.SURROGATE && type != Character.UNASSIGNED) {
                out.appendCodePoint(cp);
            }
        });
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    private record Candidate(int doc, float score, double confidence, double rank) {
    }
}
