package org.crisisdesk.discord.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.i18n.Texts;

/** The sources answers cite, ten lines a page, for the one who asked: title as a link, publisher and date. */
public final class SourcesRenderer {

    public static final int PAGE_SIZE = 10;

    /** {@code sources} (already searched and ordered) from {@code offset}; {@code search} is "" for all. */
    public ReplyView page(List<Source> sources, int requestedOffset, String search, Texts texts) {
        int offset = Math.max(0, Math.min(requestedOffset, Math.max(0, sources.size() - 1)));
        List<Source> shown = sources.subList(Math.min(offset, sources.size()),
                Math.min(sources.size(), offset + PAGE_SIZE));
        List<String> lines = new ArrayList<>();
        for (Source source : shown) {
            String title = Markdown.escape(Markdown.cut(source.title(), 90)).replace("[", "(").replace("]", ")");
            lines.add("[" + title + "](" + AnswerRenderer.safeUrl(source.url()) + ") — "
                    + Markdown.escape(source.publisher()) + ", "
                    + source.date().map(Object::toString).orElseGet(() -> texts.get("sources.undated")));
        }
        String description = shown.isEmpty() ? texts.get("sources.none", Markdown.escape(search))
                : (search.isEmpty() ? texts.get("sources.intro") + "\n\n" : "") + String.join("\n", lines);
        String footer = shown.isEmpty() ? ""
                : texts.get("sources.page", offset + 1, offset + shown.size(), sources.size());
        String title = search.isEmpty() ? texts.get("sources.title")
                : texts.get("sources.titleSearch", Markdown.escape(search));
        EmbedView embed = new EmbedView(title, Optional.empty(), description, List.of(), footer, EmbedView.BLUE);
        List<ButtonView> buttons = List.of();
        if (sources.size() > PAGE_SIZE) {
            buttons = List.of(
                    new ButtonView(new ComponentIds.SourcesPosition(Math.max(0, offset - PAGE_SIZE), search).id(),
                            texts.get("button.previous"), ButtonView.Style.SECONDARY, offset == 0),
                    new ButtonView(new ComponentIds.SourcesPosition(offset + PAGE_SIZE, search).id(),
                            texts.get("button.next"), ButtonView.Style.SECONDARY,
                            offset + PAGE_SIZE >= sources.size()));
        }
        return ReplyView.of(embed, buttons, true);
    }
}
