package org.crisisdesk.answer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.IndexedSentence;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;

/**
 * A passage or an event as an answer reads it back from the index: its sentences, each with its own sources, in
 * both languages. An event is one sentence.
 *
 * @param date  an event's date
 * @param asOf  the date a present-tense passage is true as of
 * @param about what a passage is about (person, organisation…), if its curator said
 * @param questions the questions a passage's curators say it answers (none for events)
 */
record DocumentView(
        String id,
        boolean event,
        String title,
        String titleFr,
        List<IndexedSentence> sentences,
        Optional<PartialDate> date,
        Optional<PartialDate> asOf,
        Optional<String> about,
        List<String> topics,
        List<String> questions) {

    DocumentView {
        sentences = List.copyOf(sentences);
        topics = List.copyOf(topics);
        questions = List.copyOf(questions);
    }

    static DocumentView of(Document doc) {
        boolean event = Fields.KIND_EVENT.equals(doc.get(Fields.KIND));
        List<String> topics = Arrays.asList(doc.getValues(Fields.TOPIC_LABEL));
        if (event) {
            IndexedSentence sentence = new IndexedSentence(doc.get(Fields.TEXT), orElse(doc.get(Fields.TEXT_FR),
                    doc.get(Fields.TEXT)), Arrays.asList(doc.getValues(Fields.SOURCE)), doc.get(Fields.NOTE),
                    doc.get(Fields.NOTE_FR), doc.get(Fields.UNCONFIRMED) != null);
            return new DocumentView(doc.get(Fields.ID), true, "", "", List.of(sentence),
                    PartialDate.parse(doc.get(Fields.DATE)), Optional.empty(), Optional.empty(), topics, List.of());
        }
        String title = orElse(doc.get(Fields.TITLE), "");
        return new DocumentView(doc.get(Fields.ID), false, title, orElse(doc.get(Fields.TITLE_FR), title),
                IndexedSentence.decode(doc.get(Fields.SENTENCES)), Optional.empty(),
                Optional.ofNullable(doc.get(Fields.AS_OF)).flatMap(PartialDate::parse),
                Optional.ofNullable(doc.get(Fields.ABOUT)), topics, Arrays.asList(doc.getValues(Fields.QUESTIONS)));
    }

    String title(Language language) {
        return language == Language.FR ? titleFr : title;
    }

    /** The date this text is about, for questions about the present: an event's date or a passage's as-of date. */
    Optional<PartialDate> when() {
        return event ? date : asOf;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
