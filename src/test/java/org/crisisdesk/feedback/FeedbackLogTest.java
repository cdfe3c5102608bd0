package org.crisisdesk.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data/feedback.jsonl");
    }

    private FeedbackLog log(long maxBytes, boolean keepPrivate) {
        return new FeedbackLog(file(), CLOCK, new FeedbackLog.Policy(maxBytes, keepPrivate,
                question -> question.replace("<@123>", "").strip()));
    }

    @Test
    void everyQuestionIsRedactedBeforeItIsWrittenAndOneWithNothingLeftIsNotWritten() throws Exception {
        FeedbackLog log = log(FeedbackLog.DEFAULT_MAX_BYTES, false);
        log.unanswered("<@123> how do I bake bread?", List.of("MINUSMA"));
        log.vote("<@123> who leads Mali?", false, List.of("source-a"));
        log.unanswered("<@123>", List.of());
        List<String> lines = Files.readAllLines(file());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"question\":\"how do I bake bread?\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"question\":\"who leads Mali?\""), lines.get(1));
        assertFalse(String.join("\n", lines).contains("<@"));
    }

    @Test
    void privateQuestionsAreKeptOnlyWhenThePolicySaysSo() throws Exception {
        FeedbackLog discreet = log(FeedbackLog.DEFAULT_MAX_BYTES, false);
        assertFalse(discreet.keepsPrivate());
        discreet.unanswered("a private question", List.of(), true);
        discreet.vote("a private question", true, List.of("s"), true);
        assertFalse(Files.exists(file()), "nothing written");

        FeedbackLog keeping = log(FeedbackLog.DEFAULT_MAX_BYTES, true);
        keeping.unanswered("a private question", List.of(), true);
        keeping.vote("a private question", true, List.of("s"), true);
        assertEquals(2, Files.readAllLines(file()).size());
    }

    @Test
    void theFileIsCreatedReadableByItsOwnerOnlyAndAnOlderOpenFileIsNarrowed() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        log(FeedbackLog.DEFAULT_MAX_BYTES, false).unanswered("q", List.of());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));

        Path old = dir.resolve("old.jsonl");
        Files.writeString(old, "{}\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        new FeedbackLog(old, CLOCK).unanswered("q", List.of());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
    }

    @Test
    void pastItsSizeLimitTheLogRollsOverToDotOneKeepingAtMostTwoFiles() throws Exception {
        FeedbackLog log = log(4096, false);
        String question = "q".repeat(900);
        for (int i = 0; i < 12; i++) {
            log.unanswered(question + i, List.of());
        }
        Path previous = log.previousFile();
        assertEquals(dir.resolve("data/feedback.jsonl.1"), previous);
        assertTrue(Files.size(file()) <= 4096, "current: " + Files.size(file()));
        assertTrue(Files.size(previous) <= 4096, "previous: " + Files.size(previous));
        List<String> current = Files.readAllLines(file());
        assertTrue(current.get(current.size() - 1).contains(question + "11"), "the newest entry is in the file");
        try (var files = Files.list(dir.resolve("data"))) {
            assertEquals(2, files.count(), "FILE and FILE.1, nothing more");
        }
        long total = Files.readAllLines(file()).size() + Files.readAllLines(previous).size();
        assertTrue(total >= 6 && total < 12, "older entries were dropped, recent ones kept: " + total);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(previous)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        }
    }
}
