package org.crisisdesk.semantic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crisisdesk.index.Language;

/**
 * Turns text into a unit-length vector whose dot product with another says how close in meaning they are. Questions
 * and the sentences that may answer them are embedded differently (e5 wants "query: " and "passage: " prefixes, bge
 * an instruction before queries), so the two sides have their own methods. Implementations are thread-safe.
 */
public interface Embedder {

    /** A short name for logs and {@code bench}: "bge-small-en-v1.5-q". */
    String name();

    int dimension();

    /** The languages it was trained on: questions in others are left alone (an English model reads French poorly). */
    default Set<Language> languages() {
        return EnumSet.allOf(Language.class);
    }

    /** A question, unit length. */
    float[] query(String text);

    /** A sentence that may answer, unit length. */
    float[] passage(String text);

    /** Many sentences at once (implementations may batch or parallelise); same order as {@code texts}. */
    default List<float[]> passages(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(passage(text));
        }
        return out;
    }
}
