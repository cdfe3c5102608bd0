package org.crisisdesk.answer;

import java.util.Optional;

/**
 * One candidate sentence as the engine ranked it, for measuring the ranking and for diagnostics: the text it would
 * show (title and date included, as a user sees them), what the sentence chooser measured of it, and its score.
 *
 * @param features in {@link #FEATURES} order
 */
public record RankedSentence(String id, int sentence, Optional<String> title, Optional<String> date, String text,
        double[] features, double score) {

    /** What each feature measures; every one is within 0..1. */
    public static final String[] FEATURES = {
        "rank",              // the text's rank relative to the best text
        "rank4",             // the same to the fourth power: the best texts stand out
        "focus",             // the question's words in the sentence, those in the title counting 0.3
        "match",             // the question's words in the sentence, counted in full
        "title",             // the question's words in the text's title
        "typed",             // the sentence has the asked-for shape (a date, a name, a number, a cause)
        "untyped",           // the question asks for a shape the sentence lacks
        "proximity",         // the question's words close together
        "first",             // the text's first sentence
        "position",          // 1 / (1 + the sentence's place in its text)
        "definition_first",  // a "what is" question and the text's first sentence
        "event",             // the text is a dated event
        "event_for_date",    // a dated event for a "when" question
        "present_year",      // for a question about the present, the latest year the sentence names
        "present_as_of",     // for a question about the present, a text true as of a date
        "best_in_text",      // the best sentence of its own text by focus
    };

    /** Title, date and text in one string, as the outsider scorer reads a snippet. */
    public String shown() {
        return title.map(t -> t + " ").orElse("") + date.map(d -> d + " ").orElse("") + text;
    }
}
