package org.crisisdesk.knowledge;

/**
 * One thing wrong with the knowledge base, printed as {@code file:line:column: message} like a compiler error. An
 * error keeps the knowledge base from being published; a warning is reported and published anyway.
 */
public record Problem(Origin origin, String message, Severity severity) implements Comparable<Problem> {

    public enum Severity {
        ERROR, WARNING
    }

    /** An error. */
    public Problem(Origin origin, String message) {
        this(origin, message, Severity.ERROR);
    }

    public static Problem warning(Origin origin, String message) {
        return new Problem(origin, message, Severity.WARNING);
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

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
        return origin + ": " + (isWarning() ? "warning: " : "") + message;
    }
}
