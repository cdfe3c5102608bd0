package org.crisisdesk.knowledge;

import java.nio.file.Path;

/** Where something was written: a file and a 1-based line and column, so problems can point curators at it. */
public record Origin(Path file, int line, int column) {

    public static Origin ofFile(Path file) {
        return new Origin(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
