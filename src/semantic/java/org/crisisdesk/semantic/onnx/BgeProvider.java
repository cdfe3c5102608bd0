package org.crisisdesk.semantic.onnx;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.crisisdesk.semantic.Embedder;
import org.crisisdesk.semantic.EmbedderProvider;

/** bge-small-en-v1.5, quantized: {@code CRISISDESK_SEMANTIC=bge}. */
public final class BgeProvider implements EmbedderProvider {

    @Override
    public String key() {
        return "bge";
    }

    @Override
    public Embedder load() {
        return new OnnxEmbedder("bge-small-en-v1.5-q", BgeSmallEnV15QuantizedEmbeddingModel::new,
                OnnxEmbedder.BGE_QUERY, "");
    }
}
