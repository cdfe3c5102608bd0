package org.crisisdesk.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.IndexedSentence;
import org.crisisdesk.index.Language;

/**
 * The embedding of every sentence of one index generation, in both languages (a passage's sentences, an event's one
 * sentence), addressed as the answer engine addresses sentences: Lucene document number and sentence index. Built
 * once per generation; a French text identical to the English one (not yet translated) shares its vector.
 */
public final class SentenceVectors {

    /** [doc][sentence], null for a deleted document. */
    private final float[][][] en;
    private final float[][][] fr;
    private final int count;

    private SentenceVectors(float[][][] en, float[][][] fr, int count) {
        this.en = en;
        this.fr = fr;
        this.count = count;
    }

    /** Embeds every sentence of {@code reader}'s documents. */
    public static SentenceVectors build(IndexReader reader, Embedder embedder) throws IOException {
        int maxDoc = reader.maxDoc();
        Bits live = MultiBits.getLiveDocs(reader);
        StoredFields stored = reader.storedFields();
        List<String> texts = new ArrayList<>();
        List<int[]> slots = new ArrayList<>();
        int[][] enIndex = new int[maxDoc][];
        int[][] frIndex = new int[maxDoc][];
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int doc = 0; doc < maxDoc; doc++) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            List<IndexedSentence> sentences = sentences(stored.document(doc));
            enIndex[doc] = new int[sentences.size()];
            frIndex[doc] = new int[sentences.size()];
            for (int i = 0; i < sentences.size(); i++) {
                enIndex[doc][i] = slot(sentences.get(i).en(), texts, seen);
                frIndex[doc][i] = slot(sentences.get(i).fr(), texts, seen);
            }
        }
        List<float[]> vectors = embedder.passages(texts);
        float[][][] en = new float[maxDoc][][];
        float[][][] fr = new float[maxDoc][][];
        for (int doc = 0; doc < maxDoc; doc++) {
            if (enIndex[doc] == null) {
                continue;
            }
            en[doc] = new float[enIndex[doc].length][];
            fr[doc] = new float[frIndex[doc].length][];
            for (int i = 0; i < enIndex[doc].length; i++) {
                en[doc][i] = vectors.get(enIndex[doc][i]);
                fr[doc][i] = vectors.get(frIndex[doc][i]);
            }
        }
        return new SentenceVectors(en, fr, texts.size());
    }

    private static int slot(String text, List<String> texts, java.util.Map<String, Integer> seen) {
        return seen.computeIfAbsent(text, t -> {
            texts.add(t);
            return texts.size() - 1;
        });
    }

    /** A document's sentences as the answer engine reads them (an event is one sentence). */
    static List<IndexedSentence> sentences(Document doc) {
        if (Fields.KIND_EVENT.equals(doc.get(Fields.KIND))) {
            String text = doc.get(Fields.TEXT);
            String french = doc.get(Fields.TEXT_FR);
            return List.of(new IndexedSentence(text, french == null || french.isEmpty() ? text : french, List.of(),
                    "", "", false));
        }
        String json = doc.get(Fields.SENTENCES);
        return json == null ? List.of() : IndexedSentence.decode(json);
    }

    /**
     * The vectors of {@code reader}'s generation: read from {@code directory}'s cache file for this model when there
     * is one made from the same sentences, else embedded and written there (atomically) for the next start. A
     * generation is never changed once built, so its cache is never stale; it goes when the generation does.
     */
    public static SentenceVectors cached(IndexReader reader, Embedder embedder, Path directory) throws IOException {
        Path file = directory.resolve("semantic-" + embedder.name().replaceAll("[^A-Za-z0-9.-]", "_") + ".vec");
        long fingerprint = fingerprint(reader);
        if (Files.isRegularFile(file)) {
            try {
                Optional<SentenceVectors> read = read(file, embedder, fingerprint);
                if (read.isPresent()) {
                    return read.get();
                }
            } catch (IOException | RuntimeException e) {
                // A damaged or foreign cache is rebuilt, never trusted.
            }
        }
        SentenceVectors built = build(reader, embedder);
        Path temporary = Files.createTempFile(directory, "semantic-", ".tmp");
        try {
            built.write(temporary, embedder, fingerprint);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return built;
    }

    private static final int MAGIC = 0x43445345; // "CDSE"

    /** A hash of every sentence's text in both languages, in document order. */
    static long fingerprint(IndexReader reader) throws IOException {
        Bits live = MultiBits.getLiveDocs(reader);
        StoredFields stored = reader.storedFields();
        long hash = 1125899906842597L;
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            if (live != null && !live.get(doc)) {
                hash = 31 * hash - 1;
                continue;
            }
            for (IndexedSentence sentence : sentences(stored.document(doc))) {
                hash = 31 * hash + sentence.en().hashCode();
                hash = 31 * hash + sentence.fr().hashCode();
            }
            hash = 31 * hash + doc;
        }
        return hash;
    }

    private void write(Path file, Embedder embedder, long fingerprint) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeUTF(embedder.name());
            out.writeInt(embedder.dimension());
            out.writeLong(fingerprint);
            out.writeInt(count);
            out.writeInt(en.length);
            for (int doc = 0; doc < en.length; doc++) {
                out.writeInt(en[doc] == null ? -1 : en[doc].length);
                if (en[doc] != null) {
                    for (int i = 0; i < en[doc].length; i++) {
                        writeVector(out, en[doc][i]);
                        writeVector(out, fr[doc][i]);
                    }
                }
            }
        }
    }

    private static void writeVector(DataOutputStream out, float[] v) throws IOException {
        for (float x : v) {
            out.writeFloat(x);
        }
    }

    private static Optional<SentenceVectors> read(Path file, Embedder embedder, long fingerprint) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(embedder.name())) {
                return Optional.empty();
            }
            int dimension = in.readInt();
            if (dimension != embedder.dimension() || in.readLong() != fingerprint) {
                return Optional.empty();
            }
            int count = in.readInt();
            int maxDoc = in.readInt();
            float[][][] en = new float[maxDoc][][];
            float[][][] fr = new float[maxDoc][][];
            for (int doc = 0; doc < maxDoc; doc++) {
                int n = in.readInt();
                if (n < 0) {
                    continue;
                }
                en[doc] = new float[n][];
                fr[doc] = new float[n][];
                for (int i = 0; i < n; i++) {
                    en[doc][i] = readVector(in, dimension);
                    fr[doc][i] = readVector(in, dimension);
                }
            }
            return Optional.of(new SentenceVectors(en, fr, count));
        }
    }

    private static float[] readVector(DataInputStream in, int dimension) throws IOException {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    /** The vector of sentence {@code sentence} of document {@code doc} in {@code language}, or null if unknown. */
    public float[] get(int doc, int sentence, Language language) {
        float[][][] side = language == Language.FR ? fr : en;
        if (doc < 0 || doc >= side.length || side[doc] == null || sentence < 0 || sentence >= side[doc].length) {
            return null;
        }
        return side[doc][sentence];
    }

    /** A sentence and its cosine to a question. */
    public record Match(int doc, int sentence, float cosine) {
    }

    /** The sentence of the whole generation closest to {@code query} in {@code language}; empty if none. */
    public Optional<Match> best(float[] query, Language language) {
        float[][][] side = language == Language.FR ? fr : en;
        Match best = null;
        for (int doc = 0; doc < side.length; doc++) {
            if (side[doc] == null) {
                continue;
            }
            for (int i = 0; i < side[doc].length; i++) {
                float cosine = Vectors.dot(query, side[doc][i]);
                if (best == null || cosine > best.cosine()) {
                    best = new Match(doc, i, cosine);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Distinct texts embedded. */
    public int count() {
        return count;
    }

    /** Documents addressed (the reader's maxDoc). */
    public int documents() {
        return en.length;
    }
}
