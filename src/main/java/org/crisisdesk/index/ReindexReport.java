package org.crisisdesk.index;

import java.time.Duration;
import java.util.Optional;

/** What a reindex did: the generation it published, what it holds, how long it took, and against what it ran. */
public record ReindexReport(
        String generation,
        IndexManifest manifest,
        Optional<IndexManifest> previous,
        Duration elapsed) {

    /** e.g. {@code 152 passages (+2), 71 events (0), 33 sources (+1)}. */
    public String summary() {
        return count(manifest.passages(), previous.map(IndexManifest::passages), "passages") + ", "
                + count(manifest.events(), previous.map(IndexManifest::events), "events") + ", "
                + count(manifest.sources(), previous.map(IndexManifest::sources), "sources");
    }

    private static String count(int now, Optional<Integer> before, String what) {
        return now + " " + what + before.map(b -> " (" + (now - b > 0 ? "+" : "") + (now - b) + ")").orElse("");
    }
}
