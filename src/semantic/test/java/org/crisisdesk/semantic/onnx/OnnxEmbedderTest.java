package org.crisisdesk.semantic.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.crisisdesk.semantic.Embedder;
import org.crisisdesk.semantic.Embedders;
import org.crisisdesk.semantic.Vectors;
import org.junit.jupiter.api.Test;

/** The in-process models of the semantic profile: they load, and a paraphrase is closer than an unrelated text. */
class OnnxEmbedderTest {

    @Test
    void e5LoadsAndRanksAParaphraseAboveAnUnrelatedSentence() {
        check(Embedders.fromEnvironment(Map.of(Embedders.VARIABLE, "e5")).orElseThrow(), "e5-small-v2-q");
    }

    @Test
    void bgeLoadsAndRanksAParaphraseAboveAnUnrelatedSentence() {
        check(Embedders.fromEnvironment(Map.of(Embedders.VARIABLE, "bge")).orElseThrow(), "bge-small-en-v1.5-q");
    }

    private static void check(Embedder embedder, String name) {
        assertEquals(name, embedder.name());
        assertEquals(384, embedder.dimension());
        float[] question = embedder.query("when did the french soldiers leave mali");
        List<float[]> texts = embedder.passages(List.of(
                "The last French troops of Operation Barkhane withdrew from Mali in August 2022.",
                "The recipe calls for two cups of flour and a pinch of salt."));
        assertEquals(1f, Vectors.dot(question, question), 1e-4);
        float paraphrase = Vectors.dot(question, texts.get(0));
        float unrelated = Vectors.dot(question, texts.get(1));
        assertTrue(paraphrase > unrelated + 0.05, name + ": paraphrase " + paraphrase + ", unrelated " + unrelated);
        // Batched and single embeddings agree.
        float[] single = embedder.passage("The recipe calls for two cups of flour and a pinch of salt.");
        assertEquals(1f, Vectors.dot(single, texts.get(1)), 1e-3);
    }
}
