package org.crisisdesk.cli;

import java.io.PrintStream;
import org.crisisdesk.index.ProgressListener;

/** Progress on standard error, a line per phase change or tenth of the way, so it never floods a log. */
final class StderrProgress implements ProgressListener {

    private final PrintStream err;
    private String phase = "";
    private long lastTenth = -1;

    StderrProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(String newPhase, long done, long total) {
        if (!newPhase.equals(phase)) {
            phase = newPhase;
            lastTenth = -1;
            if (total == 0) {
                err.println(newPhase + "…");
                return;
            }
        }
        if (total > 0) {
            long tenth = done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.printf("%s: %d/%d (%d%%)%n", phase, done, total, done * 100 / total);
            }
        }
        err.flush();
    }
}
