package org.crisisdesk.engine;

import java.time.Duration;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.index.ReindexReport;

/** Told what the engine did, for metrics; called on the thread that did it, so it must be quick and thread-safe. */
public interface EngineObserver {

    EngineObserver NONE = new EngineObserver() { };

    default void answered(Answer answer, Duration took) {
    }

    default void reindexed(ReindexReport report) {
    }

    default void reindexFailed(Exception cause) {
    }
}
