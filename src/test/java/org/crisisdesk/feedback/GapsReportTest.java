package org.crisisdesk.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapsReportTest {

    @TempDir
    Path dir;

    @Test
    void summarisesUnansweredQuestionsAndDownvotedAnswers() throws Exception {
        Path file = dir.resolve("data/feedback.jsonl");
        FeedbackLog log = new FeedbackLog(file, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        log.unanswered("How do I bake bread?", List.of("MINUSMA"));
        log.unanswered("how do i bake bread", List.of());
        log.unanswered("  HOW do I  bake bread?? ", List.of());
        log.unanswered("Who won the 2022 World Cup?", List.of());
        log.vote("When did MINUSMA deploy?", false, List.of("un-news-2013-minusma"));
        log.vote("when did minusma deploy", false, List.of("un-news-2013-minusma"));
        log.vote("When did MINUSMA deploy?", true, List.of("un-news-2013-minusma"));
        log.vote("What is the CNSP?", true, List.of("ripples-goita-2020"));
        Files.writeString(file, "{\"type\":\"vote\",\"quest", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        String first = Files.readAllLines(file).get(0);
        assertTrue(first.contains("\"time\":\"2026-01-01T00:00:00Z\"") && first.contains("\"suggestions\":[\"MINUSMA\"]"),
                first);

        GapsReport report = GapsReport.read(file);
        assertEquals(2, report.unanswered().size());
        assertEquals(3, report.unanswered().get(0).count());
        assertEquals(1, report.votedDown().size(), "net votes: the CNSP answer is liked");
        assertEquals(2, report.votedDown().get(0).down());
        assertEquals(1, report.votedDown().get(0).up());
        assertEquals(8, report.entries());
        assertEquals(1, report.unreadable());
        String text = report.render(10);
        assertTrue(text.contains("   3  HOW do I  bake bread??"), text);
        assertTrue(text.contains(" 2/1  When did MINUSMA deploy?  [un-news-2013-minusma]"), text);
        assertTrue(text.contains("1 unreadable lines skipped"), text);
    }
}
