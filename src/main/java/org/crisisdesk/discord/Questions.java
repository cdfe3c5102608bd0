package org.crisisdesk.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.AskContext;
import org.crisisdesk.answer.AskRequest;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.discord.render.AnswerRenderer;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.feedback.FeedbackLog;
import org.crisisdesk.index.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asking, following up and the answer's buttons, shared by /ask and by questions in messages. */
final class Questions {

    private static final Logger LOG = LoggerFactory.getLogger(Questions.class);

    /** How long a reply to an answer, or a message in its thread, is read in that answer's context. */
    static final Duration CONVERSATION = Duration.ofMinutes(30);

    /** Suggestion buttons an abstention offers at most (with "did you mean", one row of five). */
    private static final int OFFERS = 4;

    private final Engine engine;
    private final FeedbackLog feedback;
    private final AnswerStore answers;
    private final AnswerRenderer renderer;
    private final Consumer<String> beforeAsk;

    /**
     * A question and who asked it where.
     *
     * @param locale  the asker's Discord language, used when the question does not show its own
     * @param context the conversation it continues, if any
     */
    record Asked(String question, boolean ephemeral, long asker, Optional<Language> locale,
                 Optional<AskContext> context) {
    }

    /** {@code beforeAsk} sees each question on the worker thread before the engine does (a test seam). */
    Questions(Engine engine, FeedbackLog feedback, AnswerStore answers, AnswerRenderer renderer,
              Consumer<String> beforeAsk) {
        this.engine = engine;
        this.beforeAsk = beforeAsk;
        this.feedback = feedback;
        this.answers = answers;
        this.renderer = renderer;
    }

    ReplyView ask(Asked asked) {
        beforeAsk.accept(asked.question());
        // Mentions and markup never reach the engine: "@crisisdesk @everyone who led the 2020 coup? <@&1>".
        String question = QuestionText.clean(asked.question());
        Answer answer = engine.ask(new AskRequest(question, asked.context(), asked.locale()));
        if (!answer.answered()) {
            record(() -> feedback.unanswered(question, answer.suggestions(), asked.ephemeral()));
            return abstention(answer, asked);
        }
        String key = answers.put(answer, asked.ephemeral(), asked.asker(), List.of());
        return renderer.answer(answer, shown(key, 1, asked.asker(), asked.ephemeral()));
    }

    /**
     * An abstention offers only what has an answer: "did you mean" and the suggestions are asked first, in the
     * question's language, and kept if answered (a few fractions of a millisecond each).
     */
    private ReplyView abstention(Answer answer, Asked asked) {
        Optional<String> didYouMean = Optional.empty();
        List<String> suggestions = List.of();
        if (answer.outcome() == Answer.Outcome.NO_ANSWER) {
            didYouMean = answer.didYouMean().filter(read -> answers(read, answer.language()));
            Optional<String> read = didYouMean;
            suggestions = answer.suggestions().stream()
                    .filter(s -> read.isEmpty() || !s.equalsIgnoreCase(read.get()))
                    .filter(s -> answers(s, answer.language()))
                    .limit(read.isPresent() ? OFFERS - 1 : OFFERS).toList();
        }
        List<String> offers = new java.util.ArrayList<>();
        didYouMean.ifPresent(offers::add);
        offers.addAll(suggestions);
        String key = answers.put(answer, asked.ephemeral(), asked.asker(), offers);
        return renderer.abstention(answer, shown(key, 1, asked.asker(), asked.ephemeral()), didYouMean,
                suggestions);
    }

    private boolean answers(String question, Language language) {
        return engine.ask(new AskRequest(question, Optional.empty(), Optional.of(language))).answered();
    }

    /**
     * The answer a "More" button belongs to, with one more snippet, made for {@code viewer}: in place for its
     * owner, as a private copy for anyone else. Empty when it was forgotten.
     */
    Optional<ReplyView> more(ComponentIds.More more, long viewer) {
        boolean owner = viewer == more.owner();
        return answers.get(more.key()).map(answer -> renderer.answer(answer,
                shown(more.key(), more.shown(), viewer, !owner || answers.askedPrivately(more.key()))));
    }

    /** Every source of the answer under {@code key}, privately. */
    Optional<ReplyView> sources(String key) {
        return answers.get(key).map(renderer::sources);
    }

    /** Asks the question an abstention offered, in its language, for {@code viewer}. */
    Optional<ReplyView> alternative(ComponentIds.Alternative alternative, long viewer) {
        Optional<Answer> original = answers.get(alternative.key());
        Optional<String> question = answers.alternative(alternative.key(), alternative.index());
        if (original.isEmpty() || question.isEmpty()) {
            return Optional.empty();
        }
        boolean ephemeral = viewer != alternative.owner() || answers.askedPrivately(alternative.key());
        return Optional.of(ask(new Asked(question.get(), ephemeral, viewer, Optional.of(original.get().language()),
                Optional.empty())));
    }

    /** The conversation an answer left, while it is recent enough to follow on. */
    Optional<AskContext> context(String key) {
        return answers.recent(key, CONVERSATION).map(AskContext::after);
    }

    /** The language the answer under {@code key} was given in. */
    Optional<Language> language(String key) {
        return answers.get(key).map(Answer::language);
    }

    /** What became of a vote; NOT_KEPT: on a private question, which the feedback log does not keep. */
    enum VoteOutcome { RECORDED, ALREADY_VOTED, FORGOTTEN, NOT_KEPT }

    /** Records a vote, once per person and answer. */
    VoteOutcome vote(ComponentIds.Vote vote, long user) {
        Optional<Answer> answer = answers.get(vote.key());
        if (answer.isEmpty()) {
            return VoteOutcome.FORGOTTEN;
        }
        if (!answers.firstVote(vote.key(), user)) {
            return VoteOutcome.ALREADY_VOTED;
        }
        boolean askedPrivately = answers.askedPrivately(vote.key());
        if (askedPrivately && !feedback.keepsPrivate()) {
            return VoteOutcome.NOT_KEPT;
        }
        Answer a = answer.get();
        record(() -> feedback.vote(a.question(), vote.up(),
                a.citations().stream().map(Citation::source).distinct().toList(), askedPrivately));
        return VoteOutcome.RECORDED;
    }

    List<String> topics() {
        return engine.topics();
    }

    private AnswerRenderer.Shown shown(String key, int count, long owner, boolean ephemeral) {
        return new AnswerRenderer.Shown(key, count, owner, ephemeral, engine.manifest().asOfDate());
    }

    private static void record(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // Losing one feedback line must not cost the user their answer.
            LOG.warn("feedback not recorded: {}", e.toString());
        }
    }
}
