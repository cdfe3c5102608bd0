package org.crisisdesk.knowledge;

/** One thing wrong with the knowledge base, printed as {@code file:line:column: message} like a compiler error. */
public record Problem(Origin origin, String message) implements Comparable<Problem> {

    @Override
    public int compareTo(Problem other) {
        int byFile = origin.file().toString().compareTo(other.origin.file().toString());
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(origin.line(), other.origin.line());
        return byLine != 0 ? byLine : Integer.compare(origin.column(), other.origin.column());
    }

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
