package org.crisisdesk.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.crisisdesk.discord.render.AnswerRenderer;
import org.crisisdesk.discord.render.ButtonView;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.feedback.FeedbackLog;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bot's questions leave in the feedback log, wired as {@link Bot} wires it. */
class QuestionsFeedbackTest {

    private static final String ANSWERABLE = "which resolution ended minusma's mandate?";

    @TempDir
    Path dir;

    private Questions questions(Engine engine, Path log, boolean keepPrivate) {
        FeedbackLog feedback = new FeedbackLog(log, Clock.systemUTC(),
                new FeedbackLog.Policy(FeedbackLog.DEFAULT_MAX_BYTES, keepPrivate, QuestionText::clean));
        return new Questions(engine, feedback, new AnswerStore(10), new AnswerRenderer(), question -> { });
    }

    private static Questions.Asked asked(String question, boolean ephemeral) {
        return new Questions.Asked(question, ephemeral, 1, java.util.Optional.empty(), java.util.Optional.empty());
    }

    private static ComponentIds.Vote downVote(ReplyView view) {
        return view.buttons().stream().map(ButtonView::customId).map(ComponentIds.Vote::parse)
                .flatMap(java.util.Optional::stream).filter(vote -> !vote.up()).findFirst().orElseThrow();
    }

    @Test
    void mentionsNeverReachTheLogAndPrivateQuestionsAreNotKept() throws Exception {
        Path log = dir.resolve("feedback.jsonl");
        try (Engine engine = Fixtures.engine(dir.resolve("engine"))) {
            Questions questions = questions(engine, log, false);
            questions.ask(asked("<@123456789012345678> @everyone how do I bake `bread`?", false));
            questions.ask(asked("how do I grow <@&42> tomatoes?", true));
            ReplyView privateAnswer = questions.ask(asked(ANSWERABLE, true));
            assertEquals(Questions.VoteOutcome.NOT_KEPT, questions.vote(downVote(privateAnswer), 1));
            ReplyView publicAnswer = questions.ask(asked(ANSWERABLE + " <#111>", false));
            assertEquals(Questions.VoteOutcome.RECORDED, questions.vote(downVote(publicAnswer), 1));
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("\"question\":\"how do I bake bread?\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"type\":\"vote\""), lines.get(1));
        String all = String.join("\n", lines);
        assertFalse(all.contains("tomatoes"), "a private question is not kept");
        assertFalse(all.matches("(?s).*(<@|<#|@everyone|`).*"), all);
    }

    @Test
    void privateQuestionsAreKeptWhenTheOperatorOptsIn() throws Exception {
        Path log = dir.resolve("feedback.jsonl");
        try (Engine engine = Fixtures.engine(dir.resolve("engine"))) {
            Questions questions = questions(engine, log, true);
            questions.ask(asked("how do I grow tomatoes?", true));
            assertEquals(Questions.VoteOutcome.RECORDED, questions.vote(downVote(questions.ask(asked(ANSWERABLE, true))), 1));
        }
        assertEquals(2, Files.readAllLines(log).size());
    }
}
