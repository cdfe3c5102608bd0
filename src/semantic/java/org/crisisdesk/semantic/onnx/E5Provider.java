package org.crisisdesk.semantic.onnx;

import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import org.crisisdesk.semantic.Embedder;
import org.crisisdesk.semantic.EmbedderProvider;

/** e5-small-v2, quantized: {@code CRISISDESK_SEMANTIC=e5}. */
public final class E5Provider implements EmbedderProvider {

    @Override
    public String key() {
        return "e5";
    }

    @Override
    public Embedder load() {
        return new OnnxEmbedder("e5-small-v2-q", E5SmallV2QuantizedEmbeddingModel::new, "query: ", "passage: ");
    }
}
