package org.crisisdesk.semantic.onnx;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.crisisdesk.index.Language;
import org.crisisdesk.semantic.Embedder;
import org.crisisdesk.semantic.Vectors;

/**
 * A LangChain4j in-process ONNX model (quantized, 384 dimensions, English) with the prefixes its authors trained it
 * with: e5 reads "query: " before questions and "passage: " before texts; bge reads an instruction before questions
 * and nothing before texts.
 */
final class OnnxEmbedder implements Embedder {

    /** bge-small-en-v1.5's instruction for short questions matched against passages. */
    static final String BGE_QUERY = "Represent this sentence for searching relevant passages: ";

    private final String name;
    private final EmbeddingModel model;
    private final String queryPrefix;
    private final String passagePrefix;

    OnnxEmbedder(String name, Supplier<EmbeddingModel> model, String queryPrefix, String passagePrefix) {
        this.name = name;
        this.model = model.get();
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    /** Both models were trained on English text only. */
    @Override
    public Set<Language> languages() {
        return EnumSet.of(Language.EN);
    }

    @Override
    public float[] query(String text) {
        return Vectors.normalise(model.embed(queryPrefix + text).content().vector());
    }

    @Override
    public float[] passage(String text) {
        return Vectors.normalise(model.embed(passagePrefix + text).content().vector());
    }

    @Override
    public List<float[]> passages(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(passagePrefix + text));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding embedding : model.embedAll(segments).content()) {
            out.add(Vectors.normalise(embedding.vector()));
        }
        return out;
    }
}
