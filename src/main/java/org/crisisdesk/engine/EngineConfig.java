package org.crisisdesk.engine;

import java.nio.file.Path;
import java.util.Map;
import org.crisisdesk.answer.AnswerPolicy;

/**
 * Where the knowledge base and the index live, and how answers are chosen.
 *
 * @param knowledge the curated knowledge directory ({@code CRISISDESK_KNOWLEDGE}, default {@code knowledge})
 * @param index     the index directory ({@code CRISISDESK_INDEX}, default {@code index})
 */
public record EngineConfig(Path knowledge, Path index, AnswerPolicy policy) {

    public static final String KNOWLEDGE_VARIABLE = "CRISISDESK_KNOWLEDGE";
    public static final String INDEX_VARIABLE = "CRISISDESK_INDEX";

    /** From environment variables, with paths relative to the working directory by default. */
    public static EngineConfig fromEnvironment(Map<String, String> environment) {
        return new EngineConfig(
                Path.of(environment.getOrDefault(KNOWLEDGE_VARIABLE, "knowledge")),
                Path.of(environment.getOrDefault(INDEX_VARIABLE, "index")),
                AnswerPolicy.DEFAULT);
    }

    public EngineConfig withKnowledge(Path directory) {
        return new EngineConfig(directory, index, policy);
    }

    public EngineConfig withIndex(Path directory) {
        return new EngineConfig(knowledge, directory, policy);
    }
}
