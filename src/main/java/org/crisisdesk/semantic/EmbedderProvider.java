package org.crisisdesk.semantic;

/**
 * Registered through {@link java.util.ServiceLoader}: one per model a build carries. The default build carries none;
 * {@code mvn -Psemantic} adds the in-process ONNX models.
 */
public interface EmbedderProvider {

    /** What {@code CRISISDESK_SEMANTIC} names to choose this model: "bge", "e5". */
    String key();

    /** Loads the model; may take a second. */
    Embedder load();
}
