package org.crisisdesk.eval;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's and the baseline's scores per category and overall, and the questions the engine got wrong.
 *
 * @param engine   per category, plus {@link #OVERALL}
 * @param baseline the same for the baseline
 */
public record EvaluationReport(int questions, Map<String, Scores> engine, Map<String, Scores> baseline,
        List<String> engineMistakes) {

    public static final String OVERALL = "all";

    public EvaluationReport {
        engine = Collections.unmodifiableMap(new TreeMap<>(engine));
        baseline = Collections.unmodifiableMap(new TreeMap<>(baseline));
        engineMistakes = List.copyOf(engineMistakes);
    }

    public Scores overall() {
        return engine.get(OVERALL);
    }
}
