package org.crisisdesk.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineTest {

    private Engine engine;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        engine = Fixtures.engine(dir);
    }

    @AfterAll
    void close() throws Exception {
        engine.close();
    }

    private List<String> ids(String from, String to, String topic) throws InvalidTimelineQueryException {
        return engine.timeline(Timeline.query(from, to, topic, 0, 100)).events().stream()
                .map(TimelineEvent::id).toList();
    }

    @Test
    void listsEverythingInDateOrder() throws Exception {
        assertEquals(List.of("2013-07-01-minusma-deploys", "2020-08-goita-cnsp", "2020-08-18-coup",
                "2023-minusma-withdrawal"), ids(null, null, null));
    }

    @Test
    void rangesIncludeEventsThatOverlapThemAtEitherPrecision() throws Exception {
        assertEquals(List.of("2020-08-goita-cnsp", "2020-08-18-coup"), ids("2020", "2020", null));
        assertEquals(List.of("2020-08-goita-cnsp"), ids("2020-08-20", "2020-08-31", null),
                "a month-precise event overlaps any day of its month");
        assertEquals(List.of("2020-08-goita-cnsp", "2020-08-18-coup", "2023-minusma-withdrawal"),
                ids("2020-08-18", null, null));
        assertEquals(List.of("2013-07-01-minusma-deploys"), ids(null, "2013-07-01", null));
        assertEquals(List.of("2023-minusma-withdrawal"), ids("2023-12-31", "2024", null),
                "a year-precise event overlaps its last day");
        assertTrue(ids("2014", "2019", null).isEmpty());
    }

    @Test
    void filtersByTopicIgnoringCaseAccentsAndAliases() throws Exception {
        assertEquals(List.of("2013-07-01-minusma-deploys", "2023-minusma-withdrawal"), ids(null, null, "minusma"));
        assertEquals(List.of("2020-08-18-coup"), ids(null, null, "CEDEAO"), "CEDEAO is an alias of ECOWAS");
        assertEquals(List.of("2020-08-goita-cnsp", "2020-08-18-coup"), ids(null, null, "2020 COUP"));
        assertTrue(ids(null, null, "bread").isEmpty());
    }

    @Test
    void pagesCountTheWholeMatch() throws Exception {
        TimelinePage first = engine.timeline(Timeline.query(null, null, null, 0, 3));
        assertEquals(4, first.total());
        assertEquals(3, first.events().size());
        assertTrue(first.hasMore());
        TimelinePage second = engine.timeline(Timeline.query(null, null, null, 3, 3));
        assertEquals(List.of("2023-minusma-withdrawal"), second.events().stream().map(TimelineEvent::id).toList());
        assertFalse(second.hasMore());
    }

    @Test
    void eventsCarryTheirCitationsAndNotes() throws Exception {
        TimelineEvent coup = engine.timeline(Timeline.query("2020-08-18", "2020-08-18", "2020 coup", 0, 10)).events()
                .stream().filter(e -> e.id().equals("2020-08-18-coup")).findFirst().orElseThrow();
        assertEquals(List.of("simplewiki-2020-coup", "ripples-goita-2020"),
                coup.citations().stream().map(c -> c.source()).toList());
        assertTrue(coup.note().orElseThrow().contains("Disputed"));
        assertEquals(List.of("2020 coup", "ECOWAS"), coup.topics());
    }

    @Test
    void badDatesGetMessagesFitForUsers() {
        InvalidTimelineQueryException malformed = assertThrows(InvalidTimelineQueryException.class,
                () -> Timeline.query("August 2020", null, null, 0, 10));
        assertTrue(malformed.getMessage().contains("YYYY, YYYY-MM or YYYY-MM-DD"), malformed.getMessage());
        InvalidTimelineQueryException impossible = assertThrows(InvalidTimelineQueryException.class,
                () -> Timeline.query("2021-02-30", null, null, 0, 10));
        assertTrue(impossible.getMessage().contains("'from'"), impossible.getMessage());
        InvalidTimelineQueryException reversed = assertThrows(InvalidTimelineQueryException.class,
                () -> Timeline.query("2022", "2021", null, 0, 10));
        assertTrue(reversed.getMessage().contains("after"), reversed.getMessage());
    }
}
