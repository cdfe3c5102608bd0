package org.crisisdesk.discord.render;

/** A button as plain data; {@code customId} is what comes back when it is clicked. */
public record ButtonView(String customId, String label, Style style, boolean disabled) {

    public enum Style { PRIMARY, SECONDARY, SUCCESS, DANGER }

    public ButtonView {
        if (customId.length() > Limits.CUSTOM_ID) {
            throw new IllegalArgumentException("custom id over " + Limits.CUSTOM_ID + " characters: " + customId);
        }
        label = Markdown.cut(label, Limits.BUTTON_LABEL);
    }
}
