package org.crisisdesk.discord.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.timeline.TimelineEvent;
import org.crisisdesk.i18n.Texts;

/**
 * A page of dated events, one line each ("**18 Aug 2020** — soldiers detain Keïta … [1]"), under a summary of the
 * range, with the page's sources numbered once below and a picture of the whole range. Disputed events are marked
 * ⚖ and explained by the Disputes button; nothing shows an internal id.
 */
public final class TimelineRenderer {

    public static final int PAGE_SIZE = 10;

    /** A last page this short is folded into the one before: nobody should page on for one event. */
    static final int SHORT_TAIL = 2;

    /**
     * Text an event line is cut to (at a sentence or a word): about two lines of an embed, so a page of ten reads
     * as a list; /ask gives an event in full.
     */
    private static final int EVENT_TEXT = 160;

    /** A source id written into a curator's note, e.g. "(kiwix-wikipedia-malian-parliamentary-election-2018)". */
    private static final Pattern ID_IN_NOTE = Pattern.compile("\\s*\\((?:[a-z0-9]+-){2,}[a-z0-9]+\\)");

    /** The filters as typed and normalised (ISO dates), "" when not set; what the buttons carry along. */
    public record Filters(String from, String to, String topic) {

        Optional<PartialDate> fromDate() {
            return PartialDate.parse(from);
        }

        Optional<PartialDate> toDate() {
            return PartialDate.parse(to);
        }
    }

    private final TimelinePicture pictures;

    public TimelineRenderer(TimelinePicture pictures) {
        this.pictures = pictures;
    }

    /** The first event index past the page starting at {@code offset}, a short tail folded in. */
    public static int pageEnd(int total, int offset) {
        int end = Math.min(total, offset + PAGE_SIZE);
        return total - end <= SHORT_TAIL ? total : end;
    }

    /** The page starting at {@code offset} of {@code all}, the events matching the filters, in date order. */
    public ReplyView page(List<TimelineEvent> all, int requestedOffset, Filters filters, Texts texts) {
        int total = all.size();
        int offset = Math.max(0, Math.min(requestedOffset, Math.max(0, total - 1)));
        int end = pageEnd(total, offset);
        List<TimelineEvent> events = all.subList(Math.min(offset, total), end);
        String title = filters.topic().isEmpty() ? texts.get("timeline.title")
                : texts.get("timeline.titleTopic", Markdown.escape(filters.topic()));
        if (events.isEmpty()) {
            EmbedView embed = new EmbedView(title, Optional.empty(),
                    texts.get(total == 0 ? "timeline.none" : "timeline.noMore"), List.of(), "", EmbedView.BLUE);
            return ReplyView.of(embed, List.of(), false);
        }
        Map<String, Citation> numbered = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder("**").append(range(all, filters, texts)).append("**\n");
        int disputed = 0;
        for (TimelineEvent event : events) {
            text.append("\n**").append(texts.shortDate(event.date())).append("** — ")
                    .append(Markdown.escape(Markdown.cut(event.text(texts.language()), EVENT_TEXT)));
            for (Citation citation : event.citations()) {
                Citation page = numbered.computeIfAbsent(citation.source(), id -> renumber(citation,
                        numbered.size() + 1));
                text.append(" [").append(page.n()).append(']');
            }
            if (event.note(texts.language()).isPresent()) {
                text.append(" ⚖");
                disputed++;
            }
        }
        if (disputed > 0) {
            text.append("\n\n*").append(texts.get("timeline.disputedLegend")).append('*');
        }
        // The page's sources close the description, one run of short links; fields only if that would not fit.
        String sources = numbered.values().stream().map(AnswerRenderer::sourceLine)
                .collect(java.util.stream.Collectors.joining(" · "));
        String block = "\n\n**" + texts.get("timeline.sourcesField") + "**\n" + sources;
        boolean inline = text.length() + block.length() <= Limits.EMBED_DESCRIPTION;
        if (inline) {
            text.append(block);
        }
        EmbedView embed = new EmbedView(title, Optional.empty(), text.toString(),
                inline ? List.of() : sourceFields(numbered.values(), texts),
                texts.get("timeline.page", offset + 1, end, total), EmbedView.BLUE);
        Optional<EmbedView.Picture> picture = pictures.draw(all, offset, end, texts);
        if (picture.isPresent()) {
            embed = embed.withImage(picture.get());
        }
        List<ButtonView> buttons = new ArrayList<>();
        if (total > end - offset) {
            int previous = Math.max(0, offset - PAGE_SIZE);
            buttons.add(new ButtonView(position(previous, filters).id(), texts.get("button.previous"),
                    ButtonView.Style.SECONDARY, offset == 0));
            buttons.add(new ButtonView(position(end, filters).id(), texts.get("button.next"),
                    ButtonView.Style.SECONDARY, end >= total));
        }
        if (disputed > 0) {
            buttons.add(new ButtonView(position(offset, filters).disputesId(),
                    texts.get("button.disputes", disputed), ButtonView.Style.SECONDARY, false));
        }
        return ReplyView.of(embed, buttons, false);
    }

    /** Why the page's disputed events are marked: each one's date and the curators' note, for the one who asked. */
    public ReplyView disputes(List<TimelineEvent> all, int requestedOffset, Texts texts) {
        int total = all.size();
        int offset = Math.max(0, Math.min(requestedOffset, Math.max(0, total - 1)));
        List<String> lines = new ArrayList<>();
        for (TimelineEvent event : all.subList(Math.min(offset, total), pageEnd(total, offset))) {
            event.note(texts.language()).ifPresent(note -> lines.add("**" + texts.shortDate(event.date()) + "** — "
                    + Markdown.escape(Markdown.cut(event.text(texts.language()), 120)) + "\n⚖ "
                    + Markdown.escape(withoutIds(note, event.citations()))));
        }
        String text = lines.isEmpty() ? texts.get("timeline.noDisputes") : String.join("\n\n", lines);
        return ReplyView.of(new EmbedView(texts.get("timeline.disputesTitle"), Optional.empty(), text, List.of(),
                "", EmbedView.GREY), List.of(), true);
    }

    /** A note with the source ids curators wrote into it replaced by the publisher's name. */
    static String withoutIds(String note, List<Citation> citations) {
        String out = note;
        for (Citation citation : citations) {
            out = out.replace("(" + citation.source() + ")", "(" + citation.publisher() + ")")
                    .replace(citation.source(), citation.publisher());
        }
        return ID_IN_NOTE.matcher(out).replaceAll("");
    }

    /** "1 Jan 2020 – 31 Dec 2021 · 30 events": the filters' bounds, or the events' own when a bound is open. */
    static String range(List<TimelineEvent> all, Filters filters, Texts texts) {
        String start = filters.fromDate().map(d -> texts.shortDate(day(d.start())))
                .orElseGet(() -> texts.shortDate(all.get(0).date()));
        String end = filters.toDate().map(d -> texts.shortDate(day(d.end())))
                .orElseGet(() -> texts.shortDate(all.get(all.size() - 1).date()));
        return texts.get("timeline.range", start, end, all.size());
    }

    private static PartialDate day(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), PartialDate.Precision.DAY);
    }

    private static ComponentIds.TimelinePosition position(int offset, Filters filters) {
        return new ComponentIds.TimelinePosition(offset, filters.from(), filters.to(), filters.topic());
    }

    private static Citation renumber(Citation citation, int n) {
        return new Citation(n, citation.source(), citation.title(), citation.publisher(), citation.date(),
                citation.url(), citation.kind(), citation.via());
    }

    /** The page's sources, one short masked link each, in as few fields as Discord's 1024 characters allow. */
    private static List<EmbedView.Field> sourceFields(java.util.Collection<Citation> citations, Texts texts) {
        List<EmbedView.Field> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (Citation citation : citations) {
            String line = AnswerRenderer.sourceLine(citation);
            if (value.length() + line.length() + 3 > Limits.FIELD_VALUE) {
                fields.add(new EmbedView.Field(fields.isEmpty() ? texts.get("timeline.sourcesField") : "\u200B",
                        value.toString(), false));
                value.setLength(0);
            }
            value.append(value.length() == 0 ? "" : " · ").append(line);
        }
        if (value.length() > 0) {
            fields.add(new EmbedView.Field(fields.isEmpty() ? texts.get("timeline.sourcesField") : "\u200B",
                    value.toString(), false));
        }
        return fields;
    }
}
