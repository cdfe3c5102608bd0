package org.crisisdesk.discord;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.discord.render.AnswerRenderer;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.feedback.FeedbackLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asking and following up, shared by /ask and by questions in messages. */
final class Questions {

    private static final Logger LOG = LoggerFactory.getLogger(Questions.class);

    private final Engine engine;
    private final FeedbackLog feedback;
    private final AnswerStore answers;
    private final AnswerRenderer renderer;
    private final java.util.function.Consumer<String> beforeAsk;

    /** {@code beforeAsk} sees each question on the worker thread before the engine does (a test seam). */
    Questions(Engine engine, FeedbackLog feedback, AnswerStore answers, AnswerRenderer renderer,
              java.util.function.Consumer<String> beforeAsk) {
        this.engine = engine;
        this.beforeAsk = beforeAsk;
        this.feedback = feedback;
        this.answers = answers;
        this.renderer = renderer;
    }

    ReplyView ask(String question, boolean ephemeral) {
        beforeAsk.accept(question);
        Answer answer = engine.ask(question);
        if (!answer.answered()) {
            record(() -> feedback.unanswered(question, answer.suggestions(), ephemeral));
            return renderer.abstention(answer, ephemeral);
        }
        return renderer.answer(answer, answers.put(answer, ephemeral), renderer.firstShown(), ephemeral);
    }

    /** The answer a "More" button belongs to, with one more snippet; empty when it was forgotten. */
    Optional<ReplyView> more(ComponentIds.More more) {
        return answers.get(more.key()).map(answer -> renderer.answer(answer, more.key(), more.shown(), false));
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

    private static void record(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // Losing one feedback line must not cost the user their answer.
            LOG.warn("feedback not recorded: {}", e.toString());
        }
    }
}
