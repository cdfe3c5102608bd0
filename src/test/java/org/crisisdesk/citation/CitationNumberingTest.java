package org.crisisdesk.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.knowledge.Origin;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.knowledge.SourceKind;
import org.junit.jupiter.api.Test;

class CitationNumberingTest {

    private static Map<String, Source> sources(String... ids) {
        Map<String, Source> map = new LinkedHashMap<>();
        for (String id : ids) {
            map.put(id, new Source(id, "Title " + id, "Publisher", SourceKind.MAJOR, java.util.Optional.empty(),
                    List.of(), PartialDate.parse("2020"), java.util.Optional.empty(), "https://example.org/" + id, "en", Origin.ofFile(java.nio.file.Path.of("x.yaml"))));
        }
        return map;
    }

    @Test
    void numbersInOrderOfFirstCitationAndReusesNumbers() {
        CitationNumbering numbering = new CitationNumbering(sources("a", "b", "c"));
        assertEquals(List.of(1, 2), numbering.cite(List.of("b", "a")));
        assertEquals(List.of(2, 3), numbering.cite(List.of("a", "c")));
        assertEquals(List.of(1), numbering.cite(List.of("b", "b")));
        List<Citation> citations = numbering.citations();
        assertEquals(List.of("b", "a", "c"), citations.stream().map(Citation::source).toList());
        assertEquals(List.of(1, 2, 3), citations.stream().map(Citation::n).toList());
        assertEquals("https://example.org/b", citations.get(0).url());
        assertEquals("2020", citations.get(0).date());
    }

    @Test
    void skipsSourcesItDoesNotKnow() {
        CitationNumbering numbering = new CitationNumbering(sources("a"));
        assertEquals(List.of(1), numbering.cite(List.of("ghost", "a")));
        assertEquals(1, numbering.citations().size());
    }
}
