package org.crisisdesk.discord.render;

import java.util.List;

/** A whole message as plain data: optional content, embeds and one row of buttons. */
public record ReplyView(String content, List<EmbedView> embeds, List<ButtonView> buttons, boolean ephemeral) {

    public ReplyView {
        content = Markdown.cut(content, Limits.CONTENT);
        embeds = List.copyOf(embeds);
        buttons = List.copyOf(buttons.subList(0, Math.min(5, buttons.size())));
        int total = embeds.stream().mapToInt(EmbedView::length).sum();
        if (total > Limits.EMBED_TOTAL) {
            throw new IllegalArgumentException("embeds total " + total + " characters, over " + Limits.EMBED_TOTAL);
        }
    }

    public static ReplyView of(EmbedView embed, List<ButtonView> buttons, boolean ephemeral) {
        return new ReplyView("", List.of(embed), buttons, ephemeral);
    }

    public static ReplyView text(String content, boolean ephemeral) {
        return new ReplyView(content, List.of(), List.of(), ephemeral);
    }

    public ReplyView asEphemeral(boolean value) {
        return new ReplyView(content, embeds, buttons, value);
    }
}
