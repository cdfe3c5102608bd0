package org.crisisdesk.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.testing.TemporaryEngine;
import org.crisisdesk.timeline.InvalidTimelineQueryException;
import org.crisisdesk.timeline.Timeline;
import org.crisisdesk.timeline.TimelineQuery;

/**
 * Random Unicode, Lucene syntax, Discord markdown, mentions, zero-width and right-to-left characters and very long
 * text thrown at {@code ask} and the timeline's options: never an exception, always an answer or a clear message,
 * always quickly.
 */
class HostileInputProperties {

    private static TemporaryEngine fixture;
    private static Engine engine;

    @BeforeContainer
    static void open() throws Exception {
        fixture = TemporaryEngine.open("crisisdesk-hostile");
        engine = fixture.engine();
    }

    @AfterContainer
    static void close() throws Exception {
        fixture.close();
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.arbitrary();
    }

    @Property(tries = 300)
    void askAlwaysAnswersOrSaysWhyAndNeverThrows(@ForAll("hostile") String question) {
        long start = System.nanoTime();
        Answer answer = engine.ask(question);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        assertTrue(answer.confidence() >= 0 && answer.confidence() <= 1);
        if (answer.answered()) {
            assertFalse(answer.snippets().isEmpty());
            answer.snippets().forEach(s -> {
                assertFalse(s.citations().isEmpty(), "an answer without a citation");
                s.citations().forEach(n -> assertTrue(n >= 1 && n <= answer.citations().size()));
            });
        } else {
            assertTrue(answer.message().filter(m -> !m.isBlank()).isPresent(), "a refusal without a message");
        }
    }

    /** Three hostile strings make more edge-case combinations than tries; random samples cover them better. */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void timelineOptionsAreParsedOrRefusedWithAMessage(@ForAll("hostile") String from, @ForAll("hostile") String to,
            @ForAll("hostile") String topic) {
        TimelineQuery query;
        try {
            query = Timeline.query(from, to, topic, 0, 10);
        } catch (InvalidTimelineQueryException e) {
            assertFalse(e.getMessage().isBlank());
            assertTrue(e.getMessage().length() < 300, "a message fit to show: " + e.getMessage().length());
            return;
        }
        assertTrue(engine.timeline(query).total() >= 0);
    }
}
