package org.crisisdesk.discord.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.citation.Citation;

/**
 * An answer as an embed: the best snippet first with its [n] markers and the sources it cites as numbered fields;
 * "More" reveals the next snippets in place. An abstention says so plainly and offers the nearest topics.
 */
public final class AnswerRenderer {

    private static final String NOTICE = "Answers quote only crisisdesk's curated sources.";

    private final int firstShown;

    public AnswerRenderer(int firstShown) {
        if (firstShown < 1) {
            throw new IllegalArgumentException("show at least one snippet");
        }
        this.firstShown = firstShown;
    }

    public AnswerRenderer() {
        this(1);
    }

    public int firstShown() {
        return firstShown;
    }

    /** The answer showing its first {@code shown} snippets; {@code key} ties the buttons to it. */
    public ReplyView answer(Answer answer, String key, int shown, boolean ephemeral) {
        if (!answer.answered()) {
            return abstention(answer, ephemeral);
        }
        int total = answer.snippets().size();
        int visible = Math.max(1, Math.min(shown, total));
        List<Snippet> snippets = answer.snippets().subList(0, visible);
        Set<Integer> cited = new LinkedHashSet<>();
        snippets.forEach(s -> cited.addAll(s.citations()));
        List<EmbedView.Field> fields = new ArrayList<>();
        for (Citation citation : answer.citations()) {
            if (cited.contains(citation.n())) {
                fields.add(citationField(citation));
            }
        }
        String footer = String.format(Locale.ROOT, "Confidence %d%% · %d of %d results · %s",
                Math.round(answer.confidence() * 100), visible, total, NOTICE);
        // A guessed spelling is said up front, so a reader can tell at once whether it was the right guess.
        String preface = answer.didYouMean().map(read -> "*Answering: " + Markdown.escape(read) + "*\n\n").orElse("");
        EmbedView embed = new EmbedView(Markdown.escape(answer.question().strip()), java.util.Optional.empty(),
                preface + description(snippets, Limits.EMBED_DESCRIPTION - preface.length()), fields, footer,
                EmbedView.BLUE);
        List<ButtonView> buttons = new ArrayList<>();
        if (total > 1) {
            buttons.add(new ButtonView(new ComponentIds.More(key, visible + 1).id(),
                    visible < total ? "More (" + (total - visible) + ")" : "No more results",
                    ButtonView.Style.PRIMARY, visible >= total));
        }
        buttons.add(new ButtonView(new ComponentIds.Vote(key, true).id(), "👍", ButtonView.Style.SECONDARY, false));
        buttons.add(new ButtonView(new ComponentIds.Vote(key, false).id(), "👎", ButtonView.Style.SECONDARY, false));
        return ReplyView.of(embed, buttons, ephemeral);
    }

    public ReplyView abstention(Answer answer, boolean ephemeral) {
        StringBuilder text = new StringBuilder(Markdown.escape(
                answer.message().orElse("I have no sourced answer to that.")));
        if (!answer.suggestions().isEmpty()) {
            text.append("\n\n**Nearest topics I know about:** ");
            text.append(String.join(", ", answer.suggestions().stream().map(Markdown::escape).toList()));
            text.append("\n\nTry `/timeline topic:` with one of them, or rephrase the question.");
        }
        EmbedView embed = new EmbedView("No sourced answer", java.util.Optional.empty(), text.toString(), List.of(),
                NOTICE, EmbedView.GREY);
        return ReplyView.of(embed, List.of(), ephemeral);
    }

    /** Whole snippets while they fit; a snippet that does not fit is cut at a sentence and ends the text. */
    private static String description(List<Snippet> snippets, int budget) {
        StringBuilder out = new StringBuilder();
        for (Snippet snippet : snippets) {
            String separator = out.length() == 0 ? "" : "\n\n";
            String markers = markers(snippet);
            String rendered = snippetText(snippet, true) + markers;
            int room = budget - out.length() - separator.length();
            if (rendered.length() <= room) {
                out.append(separator).append(rendered);
                continue;
            }
            // Highlights are dropped here: a cut inside a bold run would leave an unmatched "**".
            int textRoom = room - markers.length();
            if (textRoom > 80) {
                out.append(separator).append(Markdown.cut(snippetText(snippet, false), textRoom)).append(markers);
            }
            break;
        }
        return out.toString();
    }

    private static String markers(Snippet snippet) {
        StringBuilder out = new StringBuilder();
        for (int n : snippet.citations()) {
            out.append(" [").append(n).append(']');
        }
        return out.toString();
    }

    private static String snippetText(Snippet snippet, boolean highlight) {
        StringBuilder out = new StringBuilder();
        snippet.date().ifPresent(date -> out.append("**").append(date.display()).append("** — "));
        snippet.title().ifPresent(title -> out.append("__").append(Markdown.escape(title)).append("__ — "));
        String text = snippet.textWithNote();
        if (!highlight) {
            return out.append(Markdown.escape(text)).toString();
        }
        int at = 0;
        for (Snippet.Highlight h : snippet.highlights()) {
            if (h.start() < at || h.end() > text.length() || h.start() >= h.end()) {
                continue;
            }
            out.append(Markdown.escape(text.substring(at, h.start())));
            out.append("**").append(Markdown.escape(text.substring(h.start(), h.end()))).append("**");
            at = h.end();
        }
        return out.append(Markdown.escape(text.substring(at))).toString();
    }

    static EmbedView.Field citationField(Citation citation) {
        return new EmbedView.Field("[" + citation.n() + "] " + Markdown.escape(citation.title()),
                Markdown.escape(citation.publisher()) + " · " + citation.date() + "\n" + citation.url(), false);
    }
}
