package org.crisisdesk.index;

/** Told how long work is going; the command line prints it, tests ignore it. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (phase, done, total) -> { };

    /** {@code done} of {@code total} units of {@code phase} are finished ({@code total} is 0 when unknown). */
    void progress(String phase, long done, long total);
}
