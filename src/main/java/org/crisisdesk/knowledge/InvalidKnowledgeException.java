package org.crisisdesk.knowledge;

import java.util.List;

/** The knowledge base has errors; all of them are listed, in file order, with the warnings found beside them. */
public final class InvalidKnowledgeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final transient List<Problem> warnings;

    public InvalidKnowledgeException(List<Problem> problems) {
        this(problems, List.of());
    }

    public InvalidKnowledgeException(List<Problem> problems, List<Problem> warnings) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the knowledge base");
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    /** The errors. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> warnings() {
        return warnings;
    }
}
