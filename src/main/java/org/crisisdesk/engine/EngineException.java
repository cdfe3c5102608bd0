package org.crisisdesk.engine;

import java.util.List;
import org.crisisdesk.knowledge.Problem;

/** The engine cannot start: no usable index and no valid knowledge base to build one from. */
public final class EngineException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public EngineException(String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** Knowledge base problems behind the failure, if that is what it was. */
    public List<Problem> problems() {
        return problems;
    }
}
