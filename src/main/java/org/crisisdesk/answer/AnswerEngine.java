package org.crisisdesk.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.crisisdesk.citation.CitationNumbering;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.GenerationManager;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.TextAnalysis;
import org.crisisdesk.knowledge.PartialDate;

/**
 * Question in, the sentence that answers it out, cited, or a plain "no sourced answer". The question is read first
 * ({@link QuestionReader}: language, answer type, present tense, comparison, follow-up), then searched in its own
 * language, the candidates ranked, every sentence of the best ones scored ({@link SentenceChooser}), and the
 * answering sentence shown first with only its own sources. Safe for any text and for concurrent use: each question
 * holds one generation for its whole life, so a reindex mid-answer is never seen half-way.
 */
public final class AnswerEngine {

    /**
     * At DEBUG ({@code CRISISDESK_LOG_LEVEL=DEBUG}), how each question was read, ranked and answered: what curators
     * and developers look at to see why a sentence won.
     */
    private static final org.slf4j.Logger TRACE = org.slf4j.LoggerFactory.getLogger("org.crisisdesk.answer.trace");

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    /** Rerank: BM25 times (this + share covered), so a text that covers more of the question moves up. */
    private static final double RANK_FLOOR = 0.25;
    /** Candidates whose sentences are read to find the one that answers. */
    private static final int READ = 8;
    /** A second sentence of the same text is shown when it scores at least this share of the first. */
    private static final double SECOND_SENTENCE = 0.85;
    /** For a question about the present, how much the most recent dated text gains over the oldest. */
    private static final double RECENCY = 0.3;
    /**
     * What a text gains when one of the questions its curators say it answers, asking for the same kind of answer,
     * holds at least half the user's question (by weight): in the bag of words a curated question is diluted among
     * the text's own words, so "who led the 2020 coup" ranked the mediator who "led talks" after the coup above the
     * profile whose curators wrote that very question. Measured on the development and outsider sets (first answer
     * correct): 10% at half or more gave dev +3, a +1, b +1, d +2; 5%, 15% and 20%, shares of 0.4 to 0.99, a gain
     * growing with the share, and ignoring the kind of answer all did no better, and 0.4 answered an off-topic
     * question.
     */
    private static final double CURATED = 0.1;
    private static final double CURATED_SHARE = 0.5;
    /**
     * A text whose title is itself an answer of another kind ("Why the 2020 coup happened" for "when was the 2020
     * coup?" or "what was the 2020 coup?"): written to answer that other question.
     */
    private static final double TITLE_OTHER_KIND = 0.9;
    /** A person's biography when the question names that person and asks who acted on them. */
    private static final double NAMED_PERSON = 0.85;
    /** A text whose title says what is asked about ended, when the question does not ask about an end. */
    private static final double TITLE_ENDING = 0.9;
    /** The candidates whose curated questions are compared with the question: those ranked best without them. */
    private static final int CURATED_CANDIDATES = 10;
    /** …and a text that says how things are as of a date (who leads, who controls). */
    private static final double AS_OF = 0.8;
    /** Items of a list answer. */
    private static final int LIST_ITEMS = 8;
    /** Events searched for a list answer, before the period and the words they hold narrow them. */
    private static final int LIST_CANDIDATES = 40;
    /** An event is listed when it holds this share of what the best sentence holds of the question's words. */
    private static final double LIST_MATCH = 0.6;
    private static final Pattern YEAR_TERM = Pattern.compile("(?:19|20)\\d\\d");
    /** Within this much above the threshold, an answer is marked partial ("partial match"). */
    private static final double PARTIAL = 0.1;
    /** Events of a "what's the latest" answer. */
    private static final int LATEST_ITEMS = 3;

    private final GenerationManager generations;
    private final AnswerPolicy policy;
    /** Semantic matching (issue 12): off unless CRISISDESK_SEMANTIC names a model the build carries. */
    private final SemanticFallback semantic = SemanticFallback.fromEnvironment(System.getenv());
    /**
     * What is built once per generation rather than per question (the everyday-word table, the sentence chooser,
     * the stored-document cache); one slot, replaced when a new generation comes into service, so a retired
     * generation is not kept reachable.
     */
    private final AtomicReference<PerGeneration> perGeneration = new AtomicReference<>();

    private record PerGeneration(Generation generation, ConceptWeights weights, SentenceChooser chooser,
            StoredDocuments documents, Recency recency, NameSpelling spelling) {
    }

    /** Stored documents kept per generation: the few hundred texts most questions come back to. */
    private static final int CACHED_DOCUMENTS = 2048;

    public AnswerEngine(GenerationManager generations, AnswerPolicy policy) {
        this.generations = generations;
        this.policy = policy;
    }

    public Answer ask(String question) {
        return ask(AskRequest.of(question));
    }

    public Answer ask(AskRequest request) {
        String cleaned = Markup.strip(clean(request.question()));
        Optional<Language> hint = request.language().or(() -> request.context().map(AskContext::language));
        Question question = QuestionReader.read(cleaned, hint);
        Language language = question.language();
        if (cleaned.isEmpty()) {
            return Answer.refused(question, cleaned, 0, Answer.Outcome.EMPTY,
                    EngineMessages.get(language, "empty"), List.of());
        }
        if (cleaned.length() > policy.maxQuestionChars()) {
            return Answer.refused(question, cleaned, 0, Answer.Outcome.TOO_LONG,
                    EngineMessages.get(language, "too_long", cleaned.length(), policy.maxQuestionChars()), List.of());
        }
        if (question.refusal().isPresent()) {
            boolean harm = question.refusal().get() == Question.Refusal.HARM;
            return Answer.refused(question, cleaned, 0, harm ? Answer.Outcome.HARM : Answer.Outcome.OPINION,
                    EngineMessages.get(language, harm ? "harm" : "opinion"), List.of());
        }
        return generations.read(generation -> answer(cleaned, question, request.context(), generation));
    }

    private Answer answer(String asked, Question asRead, Optional<AskContext> context, Generation generation)
            throws IOException {
        PerGeneration tools = tools(generation);
        // "What about elections?", "and the hostages?" with nothing asked before: a chat that goes on from where
        // things stand, so read about the present rather than whichever year ranks first.
        Question question = context.isEmpty() && asRead.period().isEmpty()
                && FOLLOW_UP.matcher(asRead.text()).find() ? asRead.inThePresent() : asRead;
        if (question.type() == AnswerType.COMPARISON) {
            Optional<Answer> compared = compare(asked, question, generation, tools);
            if (compared.isPresent()) {
                return compared.get();
            }
        }
        IndexSearcher searcher = generation.searcher();
        Predicate<String> known = word -> QuestionReader.puts(word)
                || QueryPlan.knows(word, question.language(), generation.analysis(), searcher);
        String searched = QuestionReader.searchedWords(question.text());
        String planText = searched.isEmpty() ? question.text() : searched;
        Optional<QueryPlan> planned = QueryPlan.of(planText, question.language(), question.type(),
                generation.analysis(), searcher);
        // Only a question with a word the base lacks (or read as a near spelling) can hold a misspelt name; most
        // have none, and are not analysed word by word again.
        Optional<String> mended = planned.isPresent() && planned.get().concepts().stream()
                .anyMatch(c -> c.docFreq() == 0 || c.corrected())
                ? tools.spelling().mend(planText, known) : Optional.empty();
        if (mended.isPresent()) {
            searched = mended.get();
            planned = QueryPlan.of(searched, question.language(), question.type(), generation.analysis(), searcher);
        }
        Optional<String> reading = Optional.empty();
        Optional<String> next = QuestionReader.askedNext(question.text());
        if (context.isEmpty() && next.isPresent()) {
            // "What happened next after the coup?": next after which of three coups? Only the conversation says.
            return Answer.refused(question, asked, 0, Answer.Outcome.NEEDS_CONTEXT,
                    EngineMessages.get(question.language(), "needs_context", next.get()), List.of());
        }
        if (question.anaphoric() && !hasOwnSubject(planned, searcher, tools) && question.type() != AnswerType.LATEST) {
            if (context.isEmpty()) {
                if (!DEFAULT_PLACE.matcher(question.text()).find()) {
                    return Answer.refused(question, asked, 0, Answer.Outcome.NEEDS_CONTEXT,
                            EngineMessages.get(question.language(), "needs_context", pointer(question.text())),
                            List.of());
                }
            } else {
                String read = question.text() + " (" + context.get().subject() + ")";
                reading = Optional.of(read);
                planned = QueryPlan.of(searched + " " + context.get().subject(), question.language(),
                        question.type(), generation.analysis(), searcher);
            }
        }
        if (question.type() == AnswerType.LATEST && !hasOwnSubject(planned, searcher, tools)
                && !namesSomethingUnknown(planned, tools)) {
            return latest(asked, question, generation, tools);
        }
        if (planned.isEmpty()) {
            return Answer.refused(question, asked, 0, Answer.Outcome.NOTHING_TO_SEARCH,
                    EngineMessages.get(question.language(), "nothing_to_search"), topTopics(generation));
        }
        Optional<String> mendedAsked = mended.isPresent() ? tools.spelling().mend(asked, known) : Optional.empty();
        return search(asked, question, planned.get(), reading, mendedAsked, generation, tools);
    }

    /** How a chat goes on from what was said before: "and…", "so…", "what about…". */
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "(?i)^(?:and|so|ok|okay|wait|but|what about|how about|et|alors|donc|mais)\\b");
    /** "is it safe there now": with nothing said before, "there" is Mali, the one place this bot is about. */
    private static final Pattern DEFAULT_PLACE = Pattern.compile("(?i)\\b(?:there|over there|la-bas|là-bas)\\b");
    private static final Pattern POINTER = Pattern.compile(
            "(?i)\\b(it|they|them|he|him|she|her|this|that|these|those|il|elle|ils|elles|ça|cela)\\b");

    private static String pointer(String text) {
        java.util.regex.Matcher m = POINTER.matcher(text);
        return m.find() ? m.group(1) : text;
    }

    /** Whether the question names something of its own: a word or name the base knows that is not an everyday one. */
    private static boolean hasOwnSubject(Optional<QueryPlan> plan, IndexSearcher searcher, PerGeneration tools) {
        if (plan.isEmpty()) {
            return false;
        }
        for (QueryPlan.Concept concept : plan.get().concepts()) {
            if (concept.docFreq() > 0 && !tools.weights().isGeneric(concept.terms(), plan.get().language())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the question names something the base has never heard of ("what's happening in the DRC with M23"):
     * then it is not a question about Mali's latest news, and the search, which will not find it, says so.
     */
    private static boolean namesSomethingUnknown(Optional<QueryPlan> plan, PerGeneration tools) {
        return plan.isPresent() && plan.get().concepts().stream()
                .anyMatch(c -> c.docFreq() == 0 && !tools.weights().isGeneric(c.terms(), plan.get().language()));
    }

    /** The ranked candidates of a question, every sentence of the best ones scored, and its concepts' weights. */
    private record Scoring(List<Ranked> ranked, List<SentenceChooser.Scored> sentences, double[] weights) {
    }

    /** Searches and scores; empty when nothing matches at all. */
    private Optional<Scoring> scoring(Question question, QueryPlan plan, Generation generation, PerGeneration tools)
            throws IOException {
        IndexSearcher searcher = generation.searcher();
        // Nothing reads the total hit count, so Lucene may start skipping as soon as it has the candidates, rather
        // than after counting the first thousand hits exactly (its default).
        TopDocs top = searcher.search(plan.scoring(),
                new TopScoreDocCollectorManager(policy.candidates(), policy.candidates()));
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        Coverage coverage = Coverage.of(searcher, plan, tools.weights());
        List<Ranked> ranked = rank(top, coverage, question, plan, tools);
        Ranked best = ranked.get(0);
        StoredDocuments stored = tools.documents();
        double[] weights = coverage.weights();
        List<SentenceChooser.Candidate> read = new ArrayList<>();
        for (Ranked candidate : ranked) {
            if (read.size() == READ) {
                break;
            }
            if (candidate == best || candidate.confidence() >= policy.minCoverage()
                    && candidate.rank() >= best.rank() * policy.secondaryRatio()) {
                read.add(new SentenceChooser.Candidate(candidate.doc(), stored.get(candidate.doc()),
                        candidate.rank() / best.rank()));
            }
        }
        List<SentenceChooser.Scored> sentences = tools.chooser().score(plan, weights, asked(question), read);
        if (TRACE.isDebugEnabled()) {
            trace(question, plan, ranked, sentences, stored);
        }
        return Optional.of(new Scoring(ranked, sentences, weights));
    }

    /**
     * Every candidate sentence for {@code request} as the engine ranks it, best first, with what it measured of
     * each: for measuring how far the ranking could go ({@code eval --ranking}) and for looking into why a sentence
     * won. Empty for questions
     * that are not searched (refused outright, comparisons, the latest news, follow-ups without context).
     */
    public List<RankedSentence> candidates(AskRequest request) {
        String cleaned = Markup.strip(clean(request.question()));
        Question question = QuestionReader.read(cleaned, request.language());
        if (cleaned.isEmpty() || cleaned.length() > policy.maxQuestionChars() || question.refusal().isPresent()
                || question.type() == AnswerType.COMPARISON) {
            return List.of();
        }
        return generations.read(generation -> {
            PerGeneration tools = tools(generation);
            String searched = QuestionReader.searchedWords(question.text());
            Optional<QueryPlan> plan = QueryPlan.of(searched.isEmpty() ? question.text() : searched,
                    question.language(), question.type(), generation.analysis(), generation.searcher());
            if (plan.isEmpty()) {
                return List.of();
            }
            Optional<Scoring> scoring = scoring(question, plan.get(), generation, tools);
            List<RankedSentence> out = new ArrayList<>();
            for (SentenceChooser.Scored s : scoring.map(Scoring::sentences).orElse(List.of())) {
                DocumentView view = s.candidate().view();
                out.add(new RankedSentence(view.id(), s.sentence(),
                        view.event() ? Optional.empty() : Optional.of(view.title(question.language())),
                        view.date().map(d -> d.display(question.language().code())),
                        view.sentences().get(s.sentence()).text(question.language()), s.features(), s.combined()));
            }
            return out;
        });
    }

    /**
     * Answers from {@code plan}; {@code mended} is the question as read when misspelt names were mended
     * ({@link NameSpelling}), shown as what was answered.
     */
    private Answer search(String asked, Question question, QueryPlan plan, Optional<String> reading,
            Optional<String> mended, Generation generation, PerGeneration tools) throws IOException {
        Optional<Scoring> scoring = scoring(question, plan, generation, tools);
        if (scoring.isEmpty()) {
            return Answer.refused(question, asked, 0, Answer.Outcome.NO_ANSWER,
                    EngineMessages.get(question.language(), "no_answer"), topTopics(generation));
        }
        List<Ranked> ranked = scoring.get().ranked();
        List<SentenceChooser.Scored> sentences = scoring.get().sentences();
        double[] weights = scoring.get().weights();
        StoredDocuments stored = tools.documents();
        ConfidenceFeatures features = features(question, plan, ranked, sentences, weights, tools);
        if (mended.isPresent()) {
            features = features.withCorrected();
        }
        double confidence = policy.model().probability(features);
        TRACE.debug("confidence {} from {}", confidence, features);
        if (sentences.isEmpty() || confidence < policy.model().threshold()) {
            Answer refused = Answer.refused(question, asked, confidence, Answer.Outcome.NO_ANSWER,
                    EngineMessages.get(question.language(), "no_answer"), nearestTopics(ranked, stored, generation))
                    .withFeatures(features);
            // Off by default: the semantic experiment (-Psemantic, src/site/markdown/semantic-matching.md).
            return semantic.fallback(question, refused, generation).orElse(refused);
        }
        CitationNumbering numbering = new CitationNumbering(generation.sources());
        SnippetBuilder builder = new SnippetBuilder(question, numbering, generation.sources());
        List<Snippet> snippets = new ArrayList<>();
        Optional<Snippet> eventList = question.type() == AnswerType.LIST
                ? list(question, plan, weights, builder, generation, tools) : Optional.empty();
        Set<String> usedDocs = new LinkedHashSet<>();
        for (SentenceChooser.Scored scored : sentences) {
            if (snippets.size() == policy.maxSnippets()) {
                break;
            }
            String id = scored.candidate().view().id();
            if (!usedDocs.add(id) || builder.repeats(scored, snippets)) {
                continue;
            }
            snippets.add(builder.build(scored, sentences));
            if (eventList.isPresent() && snippets.size() == 1) {
                // The passage that lists them first, then the dated events in order.
                snippets.add(eventList.get());
            }
        }
        if (snippets.isEmpty()) {
            return Answer.refused(question, asked, confidence, Answer.Outcome.NO_ANSWER,
                    EngineMessages.get(question.language(), "no_answer"), topTopics(generation)).withFeatures(features);
        }
        Optional<String> didYouMean = new Correction(generation.analysis())
                .suggest(mended.orElse(asked), plan.concepts(), snippets).or(() -> mended);
        Optional<PartialDate> asOf = question.present() ? asOf(snippets, generation) : Optional.empty();
        return new Answer(asked, true, confidence, snippets, numbering.citations(), Optional.empty(),
                List.of(), didYouMean, question.type(), question.language(), asOf, reading, Answer.Outcome.ANSWERED,
                subject(snippets.get(0), stored, sentences), confidence < policy.model().threshold() + PARTIAL,
                features);
    }

    private static void trace(Question question, QueryPlan plan, List<Ranked> ranked,
            List<SentenceChooser.Scored> sentences, StoredDocuments stored) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT, "question %s: %s, type %s, present %s, concepts %s%n",
                question.language().code(), question.text(), question.type().label(), question.present(),
                plan.concepts().stream().map(QueryPlan.Concept::terms).toList()));
        for (Ranked r : ranked.subList(0, Math.min(10, ranked.size()))) {
            out.append(String.format(java.util.Locale.ROOT, "  rank %7.3f conf %.3f %s%n", r.rank(), r.confidence(),
                    stored.get(r.doc()).id()));
        }
        for (SentenceChooser.Scored s : sentences.subList(0, Math.min(8, sentences.size()))) {
            String text = s.candidate().view().sentences().get(s.sentence()).en();
            out.append(String.format(java.util.Locale.ROOT, "  sentence %.3f (score %.3f match %.3f typed %s) %s #%d %s%n",
                    s.combined(), s.score(), s.match(), s.typed(), s.candidate().view().id(), s.sentence(),
                    text.substring(0, Math.min(90, text.length()))));
        }
        TRACE.debug("{}", out);
    }

    /** What the question asks of a sentence; who did something is answered by a body as well as by a person. */
    private static SentenceChooser.Asked asked(Question question) {
        return new SentenceChooser.Asked(question.type(), question.present(),
                question.type() == AnswerType.PERSON && QuestionReader.asksForAnActor(question.text()));
    }

    /** A candidate with its score, coverage and the rank it is ordered by. */
    private record Ranked(int doc, float score, double confidence, double share, double rank) {
        Ranked scaled(double factor) {
            return new Ranked(doc, score, confidence, share, rank * factor);
        }
    }

    private static final Pattern CRISIS_YEAR = Pattern.compile("20(?:1[1-9]|2[0-6])");

    /** A name the aliases know (not a synonym group), or a year of the crisis. */
    private static boolean namesAnEntity(QueryPlan.Concept concept) {
        return concept.terms().stream().anyMatch(t -> TextAnalysis.isAliasTerm(t) && !TextAnalysis.isSynonymTerm(t)
                || CRISIS_YEAR.matcher(t).matches());
    }

    /** What the confidence model weighs: see {@link ConfidenceFeatures}. */
    private static ConfidenceFeatures features(Question question, QueryPlan plan, List<Ranked> ranked,
            List<SentenceChooser.Scored> sentences, double[] weights, PerGeneration tools) {
        Ranked best = ranked.get(0);
        double margin = ranked.size() < 2 || best.rank() <= 0 ? 1 : 1 - ranked.get(1).rank() / best.rank();
        SentenceChooser.Scored answering = sentences.isEmpty() ? null : sentences.get(0);
        double total = 0;
        double unknown = 0;
        boolean namesSomething = false;
        boolean corrected = false;
        for (int i = 0; i < plan.concepts().size(); i++) {
            QueryPlan.Concept concept = plan.concepts().get(i);
            total += weights[i];
            boolean generic = tools.weights().isGeneric(concept.terms(), plan.language());
            if (concept.docFreq() == 0) {
                unknown += generic ? 0 : weights[i];
            } else if (!generic && (namesAnEntity(concept) || plan.rare(concept))) {
                namesSomething = true;
            }
            corrected |= concept.corrected();
        }
        return new ConfidenceFeatures(best.confidence(), best.share(), Math.max(0, margin),
                answering == null ? 0 : answering.match(), TypeEvidence.shaped(question.type()) ? 1 : 0,
                answering != null && answering.typed() ? 1 : 0, namesSomething ? 1 : 0,
                total <= 0 ? 1 : unknown / total, corrected ? 1 : 0, question.language() == Language.FR ? 1 : 0);
    }

    private List<Ranked> rank(TopDocs top, Coverage coverage, Question question, QueryPlan plan,
            PerGeneration tools) throws IOException {
        List<Set<String>> concepts = plan.conceptTerms();
        double[] weights = coverage.weights();
        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        Coverage.Measure[] measures = coverage.measure(docs);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            Coverage.Measure measured = measures[i];
            float score = hit.score + measured.bonus();
            double rank = score * (RANK_FLOOR + measured.share());
            if (question.present()) {
                DocumentView view = tools.documents().get(hit.doc);
                rank *= 1 + RECENCY * tools.recency().of(view.when()) + (view.asOf().isPresent() ? AS_OF : 0);
            }
            ranked.add(new Ranked(hit.doc, score, measured.confidence(), measured.share(), rank));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::rank).reversed());
        boolean endAsked = SentenceChooser.asksAboutAnEnd(concepts);
        // "Who overthrew IBK?" names one person and asks who acted on him: his own biography is not the answer.
        List<Set<String>> named = new ArrayList<>();
        if (question.type() == AnswerType.PERSON && QuestionReader.asksWhoActed(question.text())) {
            for (int c = 0; c < plan.concepts().size(); c++) {
                if (namesAnEntity(plan.concepts().get(c))) {
                    named.add(concepts.get(c));
                }
            }
        }
        // Only the best few can reach the top with these, and each one looked at is a stored document to read.
        for (int i = 0; i < Math.min(CURATED_CANDIDATES, ranked.size()); i++) {
            Ranked r = ranked.get(i);
            DocumentView view = tools.documents().get(r.doc());
            double factor = 1;
            if (!endAsked && tools.chooser().titleEndsAskedThing(r.doc(), view, plan.language(), concepts)) {
                factor *= TITLE_ENDING;
            }
            if (!named.isEmpty() && view.about().filter("person"::equals).isPresent()
                    && tools.chooser().titleHoldsAny(r.doc(), plan.language(), named)) {
                factor *= NAMED_PERSON;
            }
            if (answersAnotherKind(tools.documents().titleKind(r.doc(), plan.language()), question.type())) {
                factor *= TITLE_OTHER_KIND;
            }
            factor *= 1 + CURATED * CuratedQuestion.support(tools.documents().questions(r.doc(), plan.language()),
                    question.type(), concepts, weights, CURATED_SHARE);
            ranked.set(i, r.scaled(factor));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::rank).reversed());
        return ranked;
    }

    /** Whether a title answers a kind of question ("Why…", "When…", "How many…") other than the one asked. */
    static boolean answersAnotherKind(String title, AnswerType asked) {
        return answersAnotherKind(QuestionReader.kind(title), asked);
    }

    private static boolean answersAnotherKind(AnswerType kind, AnswerType asked) {
        return TITLE_KINDS.contains(kind) && asked != kind && asked != AnswerType.GENERAL
                && asked != AnswerType.LIST && asked != AnswerType.LATEST;
    }

    private static final java.util.Set<AnswerType> TITLE_KINDS = java.util.EnumSet.of(AnswerType.REASON,
            AnswerType.DATE, AnswerType.NUMBER, AnswerType.MANNER);

    /**
     * A list answer: the dated events that hold the question's words about as well as the best sentence does,
     * within the period the question names ("since 2012"), in date order. They are searched among events alone:
     * the texts that rank best for "list the coups in Mali" are passages, and the events that make the list
     * rarely rank among them. Only when there are at least two.
     */
    private Optional<Snippet> list(Question question, QueryPlan plan, double[] weights, SnippetBuilder builder, Generation generation, PerGeneration tools) throws IOException {
        // Every word of the question, even one in most texts: an event that holds only the common one is still
        // weighed below, and the events are few.
        Query eventsOnly = new BooleanQuery.Builder()
                .add(plan.matching(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_EVENT)), BooleanClause.Occur.FILTER)
                .build();
        TopDocs top = generation.searcher().search(eventsOnly,
                new TopScoreDocCollectorManager(LIST_CANDIDATES, LIST_CANDIDATES));
        if (top.scoreDocs.length < 2) {
            return Optional.empty();
        }
        float best = top.scoreDocs[0].score;
        List<SentenceChooser.Candidate> candidates = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            DocumentView view = tools.documents().get(hit.doc);
            if (within(view.date(), question)) {
                candidates.add(new SentenceChooser.Candidate(hit.doc, view, hit.score / best));
            }
        }
        // Every event of a period holds its year, in its date: what an event must hold is the rest of the question.
        double[] withoutYears = weights.clone();
        for (int c = 0; c < withoutYears.length; c++) {
            if (plan.concepts().get(c).terms().stream().allMatch(t -> YEAR_TERM.matcher(t).matches())) {
                withoutYears[c] = 0;
            }
        }
        List<SentenceChooser.Scored> scored = tools.chooser().score(plan, withoutYears,
                new SentenceChooser.Asked(question.type(), false, false), candidates);
        double bestMatch = scored.stream().mapToDouble(SentenceChooser.Scored::match).max().orElse(0);
        List<SentenceChooser.Scored> events = new ArrayList<>();
        for (SentenceChooser.Scored event : scored) {
            if (event.match() >= LIST_MATCH * bestMatch && events.size() < LIST_ITEMS) {
                events.add(event);
            }
        }
        if (events.size() < 2) {
            return Optional.empty();
        }
        events.sort(Comparator.comparing(e -> e.candidate().view().date().orElseThrow()));
        return Optional.of(builder.list(events));
    }

    private static boolean within(Optional<PartialDate> date, Question question) {
        if (date.isEmpty() || question.period().isEmpty()) {
            return date.isPresent();
        }
        PartialDate period = question.period().get();
        if (question.since()) {
            return !date.get().end().isBefore(period.start());
        }
        return !date.get().end().isBefore(period.start()) && !date.get().start().isAfter(period.end());
    }

    /** "What's the latest": the most recent events, newest first, as of the base's date. */
    private Answer latest(String asked, Question question, Generation generation, PerGeneration tools)
            throws IOException {
        CitationNumbering numbering = new CitationNumbering(generation.sources());
        SnippetBuilder builder = new SnippetBuilder(question, numbering, generation.sources());
        List<Snippet> snippets = new ArrayList<>();
        for (int doc : tools.recency().latestEvents(LATEST_ITEMS)) {
            DocumentView view = tools.documents().get(doc);
            snippets.add(builder.whole(view));
        }
        if (snippets.isEmpty()) {
            return Answer.refused(question, asked, 0, Answer.Outcome.NO_ANSWER,
                    EngineMessages.get(question.language(), "no_answer"), topTopics(generation));
        }
        return new Answer(asked, true, 1, snippets, numbering.citations(), Optional.empty(), List.of(),
                Optional.empty(), question.type(), question.language(), generation.manifest().asOfDate(),
                Optional.empty(), Answer.Outcome.ANSWERED, Optional.empty(), false, ConfidenceFeatures.NONE);
    }

    /**
     * "X vs Y": each side asked on its own as "what is X", and the best snippet of each shown together. Empty when
     * either side has no answer, so the question is then searched as it was asked.
     */
    private Optional<Answer> compare(String asked, Question question, Generation generation, PerGeneration tools)
            throws IOException {
        CitationNumbering numbering = new CitationNumbering(generation.sources());
        SnippetBuilder builder = null;
        List<Snippet> snippets = new ArrayList<>();
        double confidence = 1;
        String askedOfBoth = QuestionReader.askedOfBoth(question.text());
        for (String side : question.sides()) {
            Question sideQuestion = new Question(side, question.language(), AnswerType.DEFINITION, question.present(),
                    List.of(), question.period(), question.since(), false, Optional.empty());
            Optional<QueryPlan> plan = QueryPlan.of(askedOfBoth.isEmpty() ? side : side + " " + askedOfBoth,
                    question.language(), AnswerType.DEFINITION, generation.analysis(), generation.searcher());
            if (plan.isEmpty()) {
                return Optional.empty();
            }
            IndexSearcher searcher = generation.searcher();
            TopDocs top = searcher.search(plan.get().scoring(),
                    new TopScoreDocCollectorManager(policy.candidates(), policy.candidates()));
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Coverage coverage = Coverage.of(searcher, plan.get(), tools.weights());
            List<Ranked> ranked = rank(top, coverage, sideQuestion, plan.get(), tools);
            Ranked best = ranked.get(0);
            if (best.confidence() < policy.minCoverage()) {
                return Optional.empty();
            }
            double[] weights = coverage.weights();
            List<SentenceChooser.Candidate> read = new ArrayList<>();
            for (Ranked candidate : ranked.subList(0, Math.min(READ, ranked.size()))) {
                if (candidate == best || candidate.confidence() >= policy.minCoverage()) {
                    read.add(new SentenceChooser.Candidate(candidate.doc(), tools.documents().get(candidate.doc()),
                            candidate.rank() / best.rank()));
                }
            }
            List<SentenceChooser.Scored> sentences = tools.chooser().score(plan.get(), weights,
                    AnswerType.DEFINITION, read);
            double sideConfidence = policy.model().probability(
                    features(sideQuestion, plan.get(), ranked, sentences, weights, tools));
            if (sideConfidence < policy.model().threshold()) {
                return Optional.empty();
            }
            confidence = Math.min(confidence, sideConfidence);
            builder = new SnippetBuilder(sideQuestion, numbering, generation.sources());
            Optional<SentenceChooser.Scored> first = Optional.empty();
            for (SentenceChooser.Scored scored : sentences) {
                boolean taken = snippets.stream().anyMatch(s -> s.id().equals(scored.candidate().view().id()));
                if (!taken) {
                    first = Optional.of(scored);
                    break;
                }
            }
            if (first.isEmpty()) {
                return Optional.empty();
            }
            snippets.add(builder.build(first.get(), sentences));
        }
        return Optional.of(new Answer(asked, true, confidence, snippets, numbering.citations(), Optional.empty(),
                List.of(), Optional.empty(), AnswerType.COMPARISON, question.language(), Optional.empty(),
                Optional.empty(), Answer.Outcome.ANSWERED, Optional.of(String.join(" / ", question.sides())),
                confidence < policy.model().threshold() + PARTIAL, ConfidenceFeatures.NONE));
    }

    /** The date a present-tense answer is true as of: its passage's, else its event's, else the base's. */
    private static Optional<PartialDate> asOf(List<Snippet> snippets, Generation generation) {
        Snippet first = snippets.get(0);
        if (first.asOf().isPresent()) {
            return first.asOf();
        }
        return generation.manifest().asOfDate().or(first::date);
    }

    /** What an answer is about, for a follow-up: its passage's title, or its event's first topic. */
    private static Optional<String> subject(Snippet first, StoredDocuments stored,
            List<SentenceChooser.Scored> sentences) {
        if (first.title().isPresent()) {
            return first.title();
        }
        for (SentenceChooser.Scored scored : sentences) {
            DocumentView view = scored.candidate().view();
            if (view.id().equals(first.id()) && !view.topics().isEmpty()) {
                return Optional.of(view.topics().get(0));
            }
        }
        return Optional.empty();
    }

    private PerGeneration tools(Generation generation) throws IOException {
        PerGeneration current = perGeneration.get();
        if (current != null && current.generation() == generation) {
            return current;
        }
        StoredDocuments documents = new StoredDocuments(generation.searcher().getIndexReader(), generation.analysis(),
                CACHED_DOCUMENTS);
        PerGeneration fresh = new PerGeneration(generation, new ConceptWeights(generation.analysis()),
                new SentenceChooser(documents), documents, Recency.of(generation.searcher()),
                new NameSpelling(generation.manifest().aliases(), generation.manifest().synonyms()));
        perGeneration.set(fresh);
        return fresh;
    }

    /** The topics of the closest texts, so a refusal still points somewhere useful. */
    private static List<String> nearestTopics(List<Ranked> ranked, StoredDocuments stored, Generation generation)
            throws IOException {
        Set<String> topics = new LinkedHashSet<>();
        for (Ranked candidate : ranked) {
            if (topics.size() >= 5) {
                break;
            }
            DocumentView view = stored.get(candidate.doc());
            if (!view.title().isEmpty()) {
                topics.add(view.title());
            } else {
                topics.addAll(view.topics());
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
}
