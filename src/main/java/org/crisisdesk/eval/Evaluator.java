package org.crisisdesk.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.knowledge.KnowledgeBase;

/** Runs a question set through the engine and through the plain baseline, in the same run, and scores both. */
public final class Evaluator {

    private final Engine engine;
    private final KnowledgeBase knowledge;

    /** {@code knowledge} is what the baseline indexes: the same base the engine serves. */
    public Evaluator(Engine engine, KnowledgeBase knowledge) {
        this.engine = engine;
        this.knowledge = knowledge;
    }

    public EvaluationReport run(QuestionSet set, ProgressListener progress) throws IOException {
        return run(set, progress, engine::ask);
    }

    /** The same, with answers from {@code asker} (the engine behind a calibration gate). */
    public EvaluationReport run(QuestionSet set, ProgressListener progress, Function<String, Answer> asker)
            throws IOException {
        Map<String, Scores> engineScores = new TreeMap<>();
        Map<String, Scores> baselineScores = new TreeMap<>();
        List<String> mistakes = new ArrayList<>();
        int total = set.questions().size();
        int done = 0;
        try (Baseline baseline = new Baseline(knowledge)) {
            for (QuestionSet.Question question : set.questions()) {
                Answer answer = asker.apply(question.q());
                Ranking ours = ranking(answer);
                Ranking theirs = baseline.ask(question.q());
                for (String key : List.of(question.category(), EvaluationReport.OVERALL)) {
                    engineScores.computeIfAbsent(key, k -> new Scores()).add(question, ours);
                    baselineScores.computeIfAbsent(key, k -> new Scores()).add(question, theirs);
                }
                mistake(question, ours).ifPresent(mistakes::add);
                done++;
                if (done % 25 == 0 || done == total) {
                    progress.progress("evaluating", done, total);
                }
            }
        }
        return new EvaluationReport(total, engineScores, baselineScores, mistakes);
    }

    private static Ranking ranking(Answer answer) {
        List<Ranking.Hit> hits = answer.snippets().stream().map(s -> new Ranking.Hit(s.id(), s.text())).toList();
        return new Ranking(answer.answered(), hits);
    }

    private static Optional<String> mistake(QuestionSet.Question question, Ranking ranking) {
        if (question.offTopic()) {
            return ranking.answered()
                    ? Optional.of("ANSWERED OFF-TOPIC " + question.q() + " -> " + ids(ranking))
                    : Optional.empty();
        }
        if (!ranking.answered()) {
            return Optional.of("REFUSED " + question.q());
        }
        return ranking.firstCorrectRank(question) == 0
                ? Optional.of("MISSED " + question.q() + " -> " + ids(ranking) + ", expected "
                        + question.expect())
                : Optional.empty();
    }

    private static List<String> ids(Ranking ranking) {
        return ranking.hits().stream().map(Ranking.Hit::id).toList();
    }
}
