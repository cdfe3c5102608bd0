package org.crisisdesk.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.knowledge.Sentence;

/**
 * One sentence of a passage as the index stores it: its text in both languages (French falls back to English), the
 * sources of this sentence alone, its note and whether it is unconfirmed. A passage's sentences are stored as one
 * JSON value, read back only for the few passages an answer quotes.
 */
public record IndexedSentence(String en, String fr, List<String> sources, String note, String noteFr,
        boolean unconfirmed) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<IndexedSentence>> LIST = new TypeReference<>() { };

    public IndexedSentence {
        sources = List.copyOf(sources);
        note = note == null ? "" : note;
        noteFr = noteFr == null ? "" : noteFr;
    }

    static IndexedSentence of(Sentence sentence) {
        return new IndexedSentence(sentence.en(), sentence.fr().orElse(sentence.en()), sentence.sources(),
                sentence.note().orElse(""), sentence.note("fr").orElse(""), sentence.unconfirmed());
    }

    /** The text in {@code language}. */
    public String text(Language language) {
        return language == Language.FR ? fr : en;
    }

    /** The note in {@code language}, if the sentence has one. */
    public Optional<String> note(Language language) {
        String text = language == Language.FR ? noteFr : note;
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    static String encode(List<IndexedSentence> sentences) {
        try {
            return JSON.writeValueAsString(sentences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of plain values always serialise", e);
        }
    }

    /** Reads a stored value back; a damaged value is an {@link IllegalStateException} naming what is wrong. */
    public static List<IndexedSentence> decode(String json) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("damaged stored sentences: " + e.getOriginalMessage(), e);
        }
    }
}
