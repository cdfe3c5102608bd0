package org.crisisdesk.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

    @Test
    void parsesEachPrecisionAndKnowsItsSpan() {
        PartialDate year = PartialDate.parse("2020").orElseThrow();
        assertEquals(PartialDate.Precision.YEAR, year.precision());
        assertEquals(LocalDate.of(2020, 1, 1), year.start());
        assertEquals(LocalDate.of(2020, 12, 31), year.end());

        PartialDate month = PartialDate.parse("2024-02").orElseThrow();
        assertEquals(LocalDate.of(2024, 2, 29), month.end());
        assertEquals("February 2024", month.display());

        PartialDate day = PartialDate.parse("2020-08-18").orElseThrow();
        assertEquals(day.start(), day.end());
        assertEquals("18 August 2020", day.display());
        assertEquals("2020-08-18", day.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20", "2020-8", "2020-13", "2021-02-29", "2020-08-32", "18/08/2020", "2020-08-18T00:00",
        "0000", "2020-00"})
    void rejectsWhatIsNotARealDate(String text) {
        assertTrue(PartialDate.parse(text).isEmpty(), text);
    }

    @Test
    void ordersByStartThenCoarserFirst() {
        PartialDate year = PartialDate.parse("2020").orElseThrow();
        PartialDate day = PartialDate.parse("2020-01-01").orElseThrow();
        assertTrue(year.compareTo(day) < 0);
        assertTrue(day.compareTo(PartialDate.parse("2020-01-02").orElseThrow()) < 0);
    }
}
