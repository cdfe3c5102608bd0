package org.crisisdesk.discord.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One embed as plain data, already inside Discord's limits (the compact constructor enforces them). {@code image}
 * is a picture drawn for this embed, sent with it as an attachment.
 */
public record EmbedView(String title, Optional<String> url, String description, List<Field> fields, String footer,
                        int color, Optional<Picture> image) {

    public static final int BLUE = 0x2F6FB3;
    public static final int GREY = 0x8A8F98;
    public static final int RED = 0xC0392B;
    public static final int GREEN = 0x2E8B57;

    /** A titled block under the description. */
    public record Field(String name, String value, boolean inline) {

        public Field {
            name = Markdown.cut(name.isBlank() ? "\u200B" : name, Limits.FIELD_NAME);
            value = Markdown.cut(value.isBlank() ? "\u200B" : value, Limits.FIELD_VALUE);
        }

        int length() {
            return name.length() + value.length();
        }
    }

    /** A PNG drawn in-process; {@code name} is the attachment's file name. */
    public record Picture(String name, byte[] png) {
    }

    public EmbedView(String title, Optional<String> url, String description, List<Field> fields, String footer,
                     int color) {
        this(title, url, description, fields, footer, color, Optional.empty());
    }

    public EmbedView {
        title = Markdown.cut(title, Limits.EMBED_TITLE);
        footer = Markdown.cut(footer, Limits.FOOTER);
        List<Field> kept = new ArrayList<>(fields.subList(0, Math.min(fields.size(), Limits.FIELDS)));
        // Fields carry the sources, the description the prose: when the total is over, prose gives way first.
        int fixed = title.length() + footer.length() + kept.stream().mapToInt(Field::length).sum();
        while (fixed > Limits.EMBED_TOTAL - 200 && !kept.isEmpty()) {
            fixed -= kept.remove(kept.size() - 1).length();
        }
        description = Markdown.cut(description, Math.min(Limits.EMBED_DESCRIPTION, Limits.EMBED_TOTAL - fixed));
        fields = List.copyOf(kept);
    }

    /** The same embed with {@code picture} shown as its image. */
    public EmbedView withImage(Picture picture) {
        return new EmbedView(title, url, description, fields, footer, color, Optional.of(picture));
    }

    /** Characters Discord counts toward its 6000 limit. */
    public int length() {
        return title.length() + description.length() + footer.length()
                + fields.stream().mapToInt(Field::length).sum();
    }
}
