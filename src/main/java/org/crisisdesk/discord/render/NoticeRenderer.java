package org.crisisdesk.discord.render;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.index.ReindexReport;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Problem;
import org.crisisdesk.i18n.Texts;

/** Short replies: help, refusals, reindex results, errors; in the language of {@code texts}. */
public final class NoticeRenderer {

    private static final int PROBLEMS_SHOWN = 30;

    /**
     * What /help needs to know about this bot and this user.
     *
     * @param firstEvent     the earliest dated event, the start of the period covered
     * @param baseAsOf       the knowledge base's as-of date
     * @param mayReindex     whether this user may run /reindex (help lists only what they may run)
     * @param followUpMinutes how long a reply to an answer continues its conversation
     */
    public record HelpFacts(Optional<PartialDate> firstEvent, Optional<PartialDate> baseAsOf, boolean mayReindex,
                            boolean questionChannel, boolean cooldown, long followUpMinutes) {
    }

    public ReplyView help(Texts texts, HelpFacts facts) {
        List<String> parts = new ArrayList<>();
        parts.add(texts.get("help.intro"));
        if (facts.firstEvent().isPresent() && facts.baseAsOf().isPresent()) {
            parts.add(texts.get("help.period", Integer.toString(facts.firstEvent().get().year()),
                    texts.date(facts.baseAsOf().get())));
        }
        parts.add(texts.get("help.examples") + "\n" + String.join("\n",
                List.of("> " + texts.get("help.example1"), "> " + texts.get("help.example2"),
                        "> " + texts.get("help.example3"))));
        List<String> commands = new ArrayList<>(List.of(texts.get("help.ask"), texts.get("help.timeline"),
                texts.get("help.sources")));
        if (facts.mayReindex()) {
            commands.add(texts.get("help.reindex"));
        }
        commands.add(texts.get("help.help"));
        parts.add(texts.get("help.commands") + "\n" + String.join("\n", commands));
        String closing = texts.get("help.mention", facts.followUpMinutes());
        if (facts.questionChannel()) {
            closing += " " + texts.get("help.questionChannel");
        }
        if (facts.cooldown()) {
            closing += " " + texts.get("help.cooldown");
        }
        parts.add(closing);
        return ReplyView.of(new EmbedView(texts.get("help.title"), Optional.empty(), String.join("\n\n", parts),
                List.of(), AnswerRenderer.footer(facts.baseAsOf(), texts), EmbedView.BLUE), List.of(), true);
    }

    /** A private one-line notice under {@code key}. */
    public ReplyView notice(Texts texts, String key, Object... args) {
        return ReplyView.text(texts.get(key, args), true);
    }

    public ReplyView error(String message) {
        return ReplyView.text(Markdown.escape(message), true);
    }

    public ReplyView cooldown(Texts texts, Duration wait) {
        return notice(texts, "notice.cooldown", seconds(wait));
    }

    public ReplyView channelBusy(Texts texts, Duration wait) {
        return notice(texts, "notice.channelBusy", seconds(wait));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public ReplyView reindexed(Texts texts, ReindexReport report) {
        String text = texts.get("reindex.done", report.generation(), Long.toString(report.elapsed().toMillis()),
                report.summary());
        return ReplyView.of(new EmbedView(texts.get("reindex.done.title"), Optional.empty(), text, List.of(), "",
                EmbedView.GREEN), List.of(), true);
    }

    public ReplyView invalidKnowledge(Texts texts, List<Problem> problems) {
        StringBuilder text = new StringBuilder(texts.get("reindex.invalid", problems.size())).append("\n```\n");
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
            text.append('\n').append(texts.get("reindex.invalid.more", problems.size() - shown));
        }
        return ReplyView.of(new EmbedView(texts.get("reindex.invalid.title"), Optional.empty(), text.toString(),
                List.of(), "", EmbedView.RED), List.of(), true);
    }
}
