package org.crisisdesk.discord.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.knowledge.Source;

/** The sources answers cite, a page at a time. */
public final class SourcesRenderer {

    public static final int PAGE_SIZE = 8;

    public ReplyView page(List<Source> sources, int requestedOffset) {
        int offset = Math.max(0, Math.min(requestedOffset, Math.max(0, sources.size() - 1)));
        List<Source> shown = sources.subList(Math.min(offset, sources.size()),
                Math.min(sources.size(), offset + PAGE_SIZE));
        List<EmbedView.Field> fields = new ArrayList<>();
        for (Source source : shown) {
            fields.add(new EmbedView.Field(Markdown.escape(source.title()), Markdown.escape(source.publisher())
                    + " · " + source.date().map(Object::toString).orElse("undated") + "\n" + source.url() + "\n`" + source.id().replace("`", "'") + "`",
                    false));
        }
        String footer = shown.isEmpty() ? "No sources."
                : "Sources " + (offset + 1) + "–" + (offset + shown.size()) + " of " + sources.size();
        EmbedView embed = new EmbedView("Sources", Optional.empty(),
                "Every answer quotes one of these curated sources.", fields, footer, EmbedView.BLUE);
        List<ButtonView> buttons = List.of();
        if (sources.size() > PAGE_SIZE) {
            buttons = List.of(
                    new ButtonView(ComponentIds.sources(Math.max(0, offset - PAGE_SIZE)), "◀ Previous",
                            ButtonView.Style.SECONDARY, offset == 0),
                    new ButtonView(ComponentIds.sources(offset + PAGE_SIZE), "Next ▶", ButtonView.Style.SECONDARY,
                            offset + PAGE_SIZE >= sources.size()));
        }
        return ReplyView.of(embed, buttons, false);
    }
}
