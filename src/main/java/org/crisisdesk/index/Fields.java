package org.crisisdesk.index;

/** The index's field names, shared by the builder and the readers so neither can drift from the other. */
public final class Fields {
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String TITLE = "title";
    /** The French title, searched by French questions (French analysis). */
    public static final String TITLE_FR = "title_fr";
    /** The text snippets are cut from; stored only (it is searched through {@link #ALL}). */
    public static final String TEXT = "text";
    /** Questions, keywords, tags and (for events) the date in words: what a text is about but does not say. */
    public static final String EXTRA = "extra";
    /** Title, text and extra together: the field questions are matched and confidence is measured against. */
    public static final String ALL = "all";
    /** The French title and text with the extra words, analysed the French way: what French questions search. */
    public static final String ALL_FR = "all_fr";
    /** The French text, stored only. */
    public static final String TEXT_FR = "text_fr";
    /** A passage's sentences with their own sources, notes and flags, as JSON (see {@code SentencesField}). */
    public static final String SENTENCES = "sentences";
    /** The date a present-tense passage is true as of, as written. */
    public static final String AS_OF = "as_of";
    /** Stored only, one value per question a passage's curators say it answers (searched through ALL too). */
    public static final String QUESTIONS = "questions";
    public static final String NOTE_FR = "note_fr";
    /** Present ("true") when an event is reported but unconfirmed. */
    public static final String UNCONFIRMED = "unconfirmed";
    public static final String TOPIC = "topic";
    /** What a passage is about (person, organisation, place, event, topic), when its curator said so. */
    public static final String ABOUT = "about";
    public static final String TOPIC_LABEL = "topic_label";
    public static final String SOURCE = "source";
    public static final String NOTE = "note";
    public static final String DATE = "date";
    public static final String PRECISION = "precision";
    public static final String DATE_START = "date_start";
    public static final String DATE_END = "date_end";
    public static final String DATE_SORT = "date_sort";
    public static final String ID_SORT = "id_sort";

    public static final String KIND_PASSAGE = "passage";
    public static final String KIND_EVENT = "event";

    private Fields() {
    }
}
