package org.crisisdesk.knowledge;

import java.util.List;

/** The knowledge base has problems; all of them are listed, in file order. */
public final class InvalidKnowledgeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidKnowledgeException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the knowledge base");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
