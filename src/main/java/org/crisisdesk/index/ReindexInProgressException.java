package org.crisisdesk.index;

/** Another reindex, in this process or another, holds the lock; builds are never run side by side. */
public final class ReindexInProgressException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReindexInProgressException() {
        super("a reindex is already running");
    }
}
