package org.crisisdesk.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddersTest {

    @Test
    void noModelIsAskedForWhenTheVariableIsUnsetEmptyOrOff() {
        assertTrue(Embedders.fromEnvironment(Map.of()).isEmpty());
        assertTrue(Embedders.fromEnvironment(Map.of(Embedders.VARIABLE, " ")).isEmpty());
        assertTrue(Embedders.fromEnvironment(Map.of(Embedders.VARIABLE, "OFF")).isEmpty());
    }

    @Test
    void theProviderNamedIsTheOneLoaded() {
        WordEmbedder bge = new WordEmbedder("bge");
        WordEmbedder e5 = new WordEmbedder("e5");
        assertSame(e5, Embedders.load("e5", List.of(provider("bge", bge), provider("e5", e5))));
    }

    @Test
    void aModelTheBuildDoesNotCarryFailsSayingHowToGetOne() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> Embedders.load("e5", List.of()));
        assertTrue(none.getMessage().contains("CRISISDESK_SEMANTIC=e5"), none.getMessage());
        assertTrue(none.getMessage().contains("-Psemantic"), none.getMessage());
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> Embedders.load("e5", List.of(provider("bge", new WordEmbedder("bge")))));
        assertTrue(other.getMessage().contains("it carries: bge"), other.getMessage());
    }

    @Test
    void theDefaultBuildCarriesNoModel() {
        // Only the semantic profile registers providers; in the default build asking for one must fail, not be ignored.
        if (getClass().getClassLoader().getResource("META-INF/services/" + EmbedderProvider.class.getName()) == null) {
            assertThrows(IllegalStateException.class,
                    () -> Embedders.fromEnvironment(Map.of(Embedders.VARIABLE, "e5")));
        } else {
            assertEquals("e5-small-v2-q", Embedders.fromEnvironment(Map.of(Embedders.VARIABLE, "e5")).orElseThrow()
                    .name());
        }
    }

    @Test
    void vectorsAreNormalisedAndTheirDotProductIsTheCosine() {
        float[] v = Vectors.normalise(new float[] {3, 4});
        assertEquals(0.6f, v[0], 1e-6);
        assertEquals(0.8f, v[1], 1e-6);
        assertEquals(1f, Vectors.dot(v, v), 1e-6);
        assertEquals(0f, Vectors.dot(v, new float[] {-0.8f, 0.6f}), 1e-6);
        assertEquals(0f, Vectors.normalise(new float[2])[0]);
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[2], new float[3]));
    }

    private static EmbedderProvider provider(String key, Embedder embedder) {
        return new EmbedderProvider() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Embedder load() {
                return embedder;
            }
        };
    }
}
