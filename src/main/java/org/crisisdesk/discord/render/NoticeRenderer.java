package org.crisisdesk.discord.render;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.knowledge.Problem;

/** Short replies: help, refusals, reindex results, errors. */
public final class NoticeRenderer {

    private static final int PROBLEMS_SHOWN = 30;

    public ReplyView help(boolean questionChannel, boolean cooldown) {
        String text = """
                I answer questions about the crisis in Mali with snippets quoted from curated sources, each marked \
                [n] and listed with its publisher, date and link. When the sources do not cover a question I say \
                so instead of guessing.

                **/ask** `question` — an answer with its sources; `private: True` shows it to you only. \
                **More** reveals further results, 👍/👎 tell the curators how it went.
                **/timeline** `from` `to` `topic` — dated events in order (dates as YYYY, YYYY-MM or YYYY-MM-DD).
                **/sources** — every source answers quote.
                **/reindex** — for admins: reload the knowledge base without interrupting answers.
                **/help** — this text.

                You can also mention me with a question.""";
        if (questionChannel) {
            text += " In the question channel, any message ending in `?` is a question.";
        }
        if (cooldown) {
            text += " To keep things fair there is a short pause between one person's questions.";
        }
        return ReplyView.of(new EmbedView("crisisdesk", Optional.empty(), text, List.of(), "", EmbedView.BLUE),
                List.of(), true);
    }

    public ReplyView error(String message) {
        return ReplyView.text(Markdown.escape(message), true);
    }

    public ReplyView cooldown(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return ReplyView.text("Please wait " + seconds + (seconds == 1 ? " second" : " seconds")
                + " before asking again.", true);
    }

    public ReplyView channelBusy(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return ReplyView.text("This channel has had a lot of questions in the last minute; please try again in "
                + seconds + (seconds == 1 ? " second" : " seconds") + ".", true);
    }

    public ReplyView reindexed(ReindexReport report) {
        String text = "Published index generation `" + report.generation() + "` in " + report.elapsed().toMillis()
                + " ms: " + report.summary() + ".\nAnswers now come from it.";
        return ReplyView.of(new EmbedView("Index rebuilt", Optional.empty(), text, List.of(), "", EmbedView.GREEN),
                List.of(), true);
    }

    public ReplyView invalidKnowledge(List<Problem> problems) {
        StringBuilder text = new StringBuilder("The knowledge base has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems")
                .append("; the index in service was not changed and keeps answering.\n```\n");
        int shown = 0;
        for (Problem problem : problems) {
            String line = problem.toString().replace("```", "'''") + "\n";
            if (shown == PROBLEMS_SHOWN || text.length() + line.length() > Limits.EMBED_DESCRIPTION - 100) {
                break;
            }
            text.append(line);
            shown++;
        }
        text.append("```");
        if (shown < problems.size()) {
            text.append("\n…and ").append(problems.size() - shown).append(" more (run `crisisdesk validate`).");
        }
        return ReplyView.of(new EmbedView("Reindex refused", Optional.empty(), text.toString(), List.of(), "",
                EmbedView.RED), List.of(), true);
    }
}
