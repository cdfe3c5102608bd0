package org.crisisdesk.discord.render;

/** Discord's size limits; a message over any of them is rejected whole, so rendering fits inside them. */
public final class Limits {

    public static final int CONTENT = 2000;
    public static final int EMBED_TITLE = 256;
    public static final int EMBED_DESCRIPTION = 4096;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int FOOTER = 2048;
    public static final int FIELDS = 25;
    public static final int EMBED_TOTAL = 6000;
    public static final int BUTTON_LABEL = 80;
    public static final int CUSTOM_ID = 100;
    public static final int CHOICES = 25;
    public static final int CHOICE_NAME = 100;

    private Limits() {
    }
}
