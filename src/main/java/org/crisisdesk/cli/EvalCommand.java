package org.crisisdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.AskRequest;
import org.crisisdesk.answer.RankedSentence;
import org.crisisdesk.answer.AnswerPolicy;
import org.crisisdesk.answer.ConfidenceModel;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.engine.EngineException;
import org.crisisdesk.eval.Calibration;
import org.crisisdesk.eval.EvaluationReport;
import org.crisisdesk.eval.Evaluator;
import org.crisisdesk.eval.MarkdownTable;
import org.crisisdesk.eval.OutsiderReport;
import org.crisisdesk.eval.OutsiderSet;
import org.crisisdesk.eval.QuestionSet;
import org.crisisdesk.eval.RankerFit;
import org.crisisdesk.knowledge.KnowledgeBase;

/**
 * {@code eval}: scores the engine on the development set (against a plain BM25 baseline) and on the outsider sets
 * (what a user sees first, per category), and prints how well its confidence is calibrated. The engine is run once
 * answering everything it can; each answer is then kept or refused by the confidence model, so the same run gives
 * the scores and the calibration data. {@code --calibrate FILE} fits a new model on the development set and the
 * training outsider sets ({@code --train NAME,NAME}, default outsider-b and outsider-d) and writes it to FILE.
 */
final class EvalCommand {

    /** The outsider sets the confidence model is fitted on; a and c are kept out of the fit to measure it. */
    static final List<String> TRAINING_SETS = List.of("outsider-b", "outsider-d");

    private final PrintStream stdout;
    private final PrintStream stderr;

    /** Opens the engine with the given configuration; a stand-in in tests. */
    @FunctionalInterface
    interface EngineOpener {
        Engine open(EngineConfig config) throws EngineException, IOException;
    }

    private final EngineOpener opener;

    EvalCommand(PrintStream stdout, PrintStream stderr, EngineOpener opener) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.opener = opener;
    }

    int run(EngineConfig config, KnowledgeBase kb, List<String> words)
            throws UsageException, EngineException, IOException {
        Arguments args = Arguments.parse(words, Set.of("set", "outsider", "calibrate", "train"),
                Set.of("json", "ranking"));
        if (!args.positional().isEmpty()) {
            throw new UsageException("eval takes no arguments, got '" + args.positional().get(0) + "'");
        }
        Path devPath = args.option("set").map(Path::of).orElse(QuestionSet.DEFAULT_LOCATION);
        if (!Files.exists(devPath)) {
            throw new UsageException("no question set at " + devPath + " (give one with --set)");
        }
        Path outsiderPath = args.option("outsider").map(Path::of).orElse(OutsiderSet.DEFAULT_LOCATION);
        List<OutsiderSet> outsiders = Files.exists(outsiderPath) ? OutsiderSet.loadAll(outsiderPath) : List.of();
        List<String> training = args.option("train").map(t -> List.of(t.split(","))).orElse(TRAINING_SETS);
        ConfidenceModel shipped = config.policy().model();
        // Answer everything that has a candidate; the gate below refuses as the model would.
        EngineConfig answerAll = new EngineConfig(config.knowledge(), config.index(),
                config.policy().withModel(shipped.withThreshold(0)));
        QuestionSet dev = QuestionSet.load(devPath);
        if (args.flag("ranking")) {
            return ranking(config, dev, outsiders, training);
        }
        // The outsider sets are judged on what users see from the engine as shipped: gating an answer-everything
        // engine's answers by the threshold is not the same for a comparison, whose sides are each gated.
        try (Engine engine = opener.open(answerAll); Engine shippedEngine = opener.open(config)) {
            List<Calibration.Example> devExamples = new ArrayList<>();
            Map<String, Answer> devAnswers = new HashMap<>();
            for (QuestionSet.Question question : dev.questions()) {
                Answer answer = engine.ask(question.q());
                devAnswers.put(question.q(), answer);
                example(answer, question.offTopic() ? false : firstRight(question, answer), question.offTopic())
                        .ifPresent(devExamples::add);
            }
            Map<String, List<Calibration.Example>> outsiderExamples = new HashMap<>();
            List<OutsiderReport> reports = new ArrayList<>();
            for (OutsiderSet set : outsiders) {
                OutsiderReport report = new OutsiderReport(set.name());
                List<Calibration.Example> examples = new ArrayList<>();
                for (OutsiderSet.Question question : set.questions()) {
                    Answer all = engine.ask(question.text());
                    example(all, question.judge(all) == OutsiderSet.Verdict.CORRECT, !question.shouldAnswer())
                            .ifPresent(examples::add);
                    Answer shown = shippedEngine.ask(question.text());
                    report.add(question, shown, question.judge(shown));
                }
                outsiderExamples.put(set.name(), examples);
                reports.add(report);
            }
            if (args.option("calibrate").isPresent()) {
                // The development set and the training outsider set weigh the same in the fit: the development
                // set is three times as long, but its questions are worded like the knowledge base.
                List<Calibration.Example> outsider = new ArrayList<>();
                training.forEach(name -> outsider.addAll(outsiderExamples.getOrDefault(name.strip(), List.of())));
                List<Calibration.Example> fitOn = new ArrayList<>();
                devExamples.forEach(e -> fitOn.add(e.weighted(outsider.isEmpty() ? 1
                        : (double) outsider.size() / devExamples.size())));
                fitOn.addAll(outsider);
                ConfidenceModel fitted = Calibration.fit(fitOn, "fitted on " + LocalDate.now() + " on "
                        + devExamples.size() + " development and " + outsider.size() + " " + String.join(" + ",
                        training) + " answers");
                Path out = Path.of(args.option("calibrate").get());
                fitted.write(out);
                stderr.println("wrote " + out + ": " + fitted);
                stdout.print(Calibration.table("fitted, on its training answers", Calibration.reliability(fitted,
                        fitOn)));
                return Cli.OK;
            }
            EvaluationReport report = new Evaluator(engine, kb).run(dev, new StderrProgress(stderr),
                    q -> gate(devAnswers.computeIfAbsent(q, engine::ask), shipped));
            if (args.flag("json")) {
                stdout.println(Json.evaluation(report, reports, Calibration.reliability(shipped,
                        all(devExamples, outsiderExamples))));
                return Cli.OK;
            }
            stdout.print(MarkdownTable.of(report));
            report.engineMistakes().forEach(m -> stderr.println("  " + m));
            for (OutsiderReport outsider : reports) {
                stdout.println();
                stdout.print(outsider.table());
            }
            stdout.println();
            stdout.print(Calibration.table("all sets", Calibration.reliability(shipped,
                    all(devExamples, outsiderExamples))));
            stdout.printf(java.util.Locale.ROOT, "Threshold %.2f; model %s%n", shipped.threshold(),
                    shipped.fittedOn());
            return Cli.OK;
        }
    }

    /**
     * How far the choice of sentence could go ({@link RankerFit}): over the development set and the training outsider
     * sets, how often some candidate answers, the engine's first does, and a fitted linear order's first would.
     */
    private int ranking(EngineConfig config, QuestionSet dev, List<OutsiderSet> outsiders, List<String> training)
            throws EngineException, IOException {
        List<RankerFit.Question> questions = new ArrayList<>();
        try (Engine engine = opener.open(config)) {
            for (QuestionSet.Question question : dev.questions()) {
                if (question.offTopic() || question.expect().isEmpty()) {
                    continue;
                }
                questions.add(new RankerFit.Question(engine.candidates(AskRequest.of(question.q())),
                        c -> question.expect().contains(c.id()) && (question.answer() == null
                                || c.text().toLowerCase(java.util.Locale.ROOT).contains(
                                        question.answer().toLowerCase(java.util.Locale.ROOT)))));
            }
            for (OutsiderSet set : outsiders) {
                if (!training.contains(set.name())) {
                    continue;
                }
                for (OutsiderSet.Question question : set.questions()) {
                    if (question.shouldAnswer()) {
                        questions.add(new RankerFit.Question(engine.candidates(AskRequest.of(question.text())),
                                question::shows));
                    }
                }
            }
        }
        RankerFit.Report report = RankerFit.measure(questions);
        stdout.printf(java.util.Locale.ROOT, "questions: %d; some candidate sentence answers: %d; the engine's first"
                + " candidate answers: %d; a linear order fitted on the candidates' features would put an answering"
                + " one first for: %d%n", report.questions(), report.answerable(), report.firstRight(),
                report.firstRightFitted());
        for (int i = 0; i < report.weights().length; i++) {
            stdout.printf(java.util.Locale.ROOT, "  %-17s %7.3f%n", RankedSentence.FEATURES[i], report.weights()[i]);
        }
        return Cli.OK;
    }

    private static List<Calibration.Example> all(List<Calibration.Example> dev,
            Map<String, List<Calibration.Example>> outsiders) {
        List<Calibration.Example> all = new ArrayList<>(dev);
        outsiders.values().forEach(all::addAll);
        return all;
    }

    /** The answer as the shipped engine gives it: refused below the model's threshold. */
    private static Answer gate(Answer answer, ConfidenceModel model) {
        if (!answer.answered() || answer.confidence() >= model.threshold()) {
            return answer;
        }
        return new Answer(answer.question(), false, answer.confidence(), List.of(), List.of(),
                java.util.Optional.of("I have no sourced answer to that."), answer.suggestions(),
                java.util.Optional.empty(), answer.type(), answer.language(), java.util.Optional.empty(),
                answer.reading(), Answer.Outcome.NO_ANSWER, java.util.Optional.empty(), false, answer.features());
    }

    /** A calibration example, for an answer the model decided (not one refused before it: harm, empty…). */
    private static java.util.Optional<Calibration.Example> example(Answer answer, boolean right, boolean offTopic) {
        return answer.answered() && answer.outcome() == Answer.Outcome.ANSWERED
                && answer.features() != org.crisisdesk.answer.ConfidenceFeatures.NONE
                ? java.util.Optional.of(new Calibration.Example(answer.features(), right, offTopic))
                : java.util.Optional.empty();
    }

    private static boolean firstRight(QuestionSet.Question question, Answer answer) {
        return !answer.snippets().isEmpty() && question.answeredBy(answer.snippets().get(0).id(),
                answer.snippets().get(0).text());
    }
}
