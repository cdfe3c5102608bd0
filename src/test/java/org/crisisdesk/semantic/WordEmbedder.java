package org.crisisdesk.semantic;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisdesk.index.Language;

/**
 * A stand-in model for tests: each word (lower-cased, four letters or more) hashed into one of 256 dimensions, the
 * sum normalised. Texts sharing words are close; texts sharing none are orthogonal. Counts the texts it embeds.
 */
public final class WordEmbedder implements Embedder {

    public final AtomicInteger embedded = new AtomicInteger();
    private final String name;
    private final Set<Language> languages;

    public WordEmbedder(String name) {
        this(name, EnumSet.allOf(Language.class));
    }

    public WordEmbedder(String name, Set<Language> languages) {
        this.name = name;
        this.languages = languages;
    }

    @Override
    public Set<Language> languages() {
        return languages;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return 256;
    }

    @Override
    public float[] query(String text) {
        return vector(text);
    }

    @Override
    public float[] passage(String text) {
        embedded.incrementAndGet();
        return vector(text);
    }

    private static float[] vector(String text) {
        float[] v = new float[256];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 4) {
                v[Math.floorMod(word.hashCode(), 256)] += 1;
            }
        }
        return Vectors.normalise(v);
    }
}
