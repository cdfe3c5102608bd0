package org.crisisdesk.discord.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.timeline.TimelineEvent;
import org.crisisdesk.timeline.TimelinePage;

/** A page of dated events, one field each, with Previous/Next buttons that carry the filters along. */
public final class TimelineRenderer {

    public static final int PAGE_SIZE = 5;

    /** The events of {@code page}; {@code from}, {@code to} and {@code topic} are "" when not set. */
    public ReplyView page(TimelinePage page, String from, String to, String topic) {
        List<EmbedView.Field> fields = new ArrayList<>();
        for (TimelineEvent event : page.events()) {
            fields.add(field(event));
        }
        String description;
        if (page.events().isEmpty()) {
            description = page.total() == 0 ? "No dated events match." : "No more events.";
        } else {
            description = filters(from, to, topic);
        }
        String footer = page.events().isEmpty() ? page.total() + " events"
                : "Events " + (page.offset() + 1) + "–" + (page.offset() + page.events().size()) + " of "
                + page.total();
        EmbedView embed = new EmbedView("Timeline", Optional.empty(), description, fields, footer, EmbedView.BLUE);
        List<ButtonView> buttons = List.of();
        if (page.total() > page.events().size()) {
            int previous = Math.max(0, page.offset() - PAGE_SIZE);
            int next = page.offset() + PAGE_SIZE;
            buttons = List.of(
                    new ButtonView(new ComponentIds.TimelinePosition(previous, from, to, topic).id(), "◀ Previous",
                            ButtonView.Style.SECONDARY, page.offset() == 0),
                    new ButtonView(new ComponentIds.TimelinePosition(next, from, to, topic).id(), "Next ▶",
                            ButtonView.Style.SECONDARY, !page.hasMore()));
        }
        return ReplyView.of(embed, buttons, false);
    }

    private static String filters(String from, String to, String topic) {
        List<String> parts = new ArrayList<>();
        if (!from.isEmpty()) {
            parts.add("from " + Markdown.escape(from));
        }
        if (!to.isEmpty()) {
            parts.add("to " + Markdown.escape(to));
        }
        if (!topic.isEmpty()) {
            parts.add("topic “" + Markdown.escape(topic) + "”");
        }
        return parts.isEmpty() ? "All dated events, oldest first." : "Events " + String.join(", ", parts) + ".";
    }

    private static EmbedView.Field field(TimelineEvent event) {
        String name = event.date().display()
                + (event.topics().isEmpty() ? "" : " · " + String.join(", ", event.topics()));
        StringBuilder value = new StringBuilder(Markdown.escape(event.text()));
        event.note().ifPresent(note -> value.append("\n*Note:* ").append(Markdown.escape(note)));
        String sources = event.citations().stream().map(TimelineRenderer::link).collect(Collectors.joining(" · "));
        // The sources go last and must survive a cut, so the text gives way to them.
        int room = Limits.FIELD_VALUE - sources.length() - 1;
        String text = room > 80 ? Markdown.cut(value.toString(), room) : "";
        return new EmbedView.Field(Markdown.escape(name), text + "\n" + sources, false);
    }

    static String link(Citation citation) {
        String label = Markdown.cut(citation.title(), 80).replace("[", "(").replace("]", ")");
        return "[" + citation.n() + "] [" + label + "](" + citation.url() + ")";
    }
}
