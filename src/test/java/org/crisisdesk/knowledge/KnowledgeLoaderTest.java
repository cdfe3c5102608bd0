package org.crisisdesk.knowledge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {

    @TempDir
    Path dir;

    private final KnowledgeLoader loader = new KnowledgeLoader();

    @Test
    void loadsTheFixtureKnowledgeBase() throws Exception {
        KnowledgeBase kb = loader.load(Fixtures.fixtureKnowledge());
        assertEquals(4, kb.sources().size());
        assertEquals(3, kb.passages().size());
        assertEquals(4, kb.events().size());
        assertEquals(3, kb.aliases().size());
        Passage coup = kb.passages().stream().filter(p -> p.id().equals("coup-2020")).findFirst().orElseThrow();
        assertEquals(List.of("simplewiki-2020-coup", "ripples-goita-2020"), coup.sources());
        assertTrue(coup.note().isPresent());
        assertFalse(coup.text().contains("\n"), "folded YAML text is normalised to single spaces");
        Event month = kb.events().stream().filter(e -> e.id().equals("2020-08-goita-cnsp")).findFirst().orElseThrow();
        assertEquals(PartialDate.Precision.MONTH, month.date().precision());
        assertEquals(kb.fingerprint(), loader.fingerprint(Fixtures.fixtureKnowledge()));
    }

    @Test
    void reportsEveryProblemWithFileLineAndColumn() throws IOException {
        write("sources.yaml", """
                sources:
                  - id: src-a
                    title: A source
                    publisher: Someone
                    date: 2020-02-30
                    url: ftp://example.org/a
                    language: EN
                  - id: src-a
                    title: Duplicate id
                    publisher: Someone
                    date: 2020
                    url: https://example.org/b
                    language: en
                """);
        write("passages.yaml", """
                passages:
                  - id: Bad_Id
                    title: A passage
                    text: ""
                    sources: [src-a, no-such-source]
                    colour: blue
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        List<String> lines = e.problems().stream().map(Problem::toString).toList();
        assertContains(lines, "passages.yaml:2:9: id 'Bad_Id' must be");
        assertContains(lines, "passages.yaml:4:11: 'text' is empty");
        assertContains(lines, "passages.yaml:5:22: 'Bad_Id' cites unknown source 'no-such-source'");
        assertContains(lines, "passages.yaml:6:5: unknown field 'colour' in a passage");
        assertContains(lines, "sources.yaml:5:11: 'date' is '2020-02-30': expected a real date");
        assertContains(lines, "sources.yaml:6:10: url 'ftp://example.org/a' must be an absolute http(s) address");
        assertContains(lines, "sources.yaml:7:15: 'language' is 'EN'");
        assertContains(lines, "sources.yaml:8:9: duplicate id 'src-a' (first defined at ");
        assertTrue(lines.size() >= 8, lines.toString());
        assertEquals(e.problems().stream().sorted().toList(), e.problems(), "problems come in file and line order");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirPosition() throws IOException {
        write("broken.yaml", "passages:\n  - id: x\n    text: [unclosed\n");
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        assertEquals(1, e.problems().size());
        Problem problem = e.problems().get(0);
        assertTrue(problem.toString().contains("broken.yaml:"), problem.toString());
        assertTrue(problem.message().startsWith("not valid YAML"), problem.toString());
        assertTrue(problem.origin().line() >= 3, problem.toString());
    }

    @Test
    void rejectsFilesThatAreNotUtf8WithTheLineOfTheBadByte() throws IOException {
        byte[] latin1 = "sources:\n  - id: x\n    title: Kéïta\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1.yaml"), latin1);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        Problem problem = e.problems().get(0);
        assertEquals(3, problem.origin().line());
        assertTrue(problem.message().contains("not valid UTF-8"), problem.toString());
    }

    @Test
    void rejectsOversizedFilesWithoutReadingThem() throws IOException {
        byte[] big = new byte[(int) KnowledgeLoader.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        Files.write(dir.resolve("huge.yaml"), big);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        assertTrue(e.problems().get(0).message().contains("knowledge files are at most"), e.problems().toString());
    }

    @Test
    void findsUncitedSourcesDuplicateUrlsAndSharedAliasNames() throws IOException {
        write("kb.yaml", """
                sources:
                  - {id: used, title: T, publisher: P, date: 2020, url: "https://example.org/x", language: en}
                  - {id: unused, title: T, publisher: P, date: 2020, url: "https://example.org/y", language: en}
                  - {id: same-url, title: T, publisher: P, date: 2020, url: "https://example.org/x", language: en}
                events:
                  - {id: e-1, date: 2020, text: Something happened that year., sources: [used, same-url]}
                aliases:
                  - [Keïta, IBK]
                  - [keita, Ibrahim Boubacar Keïta]
                  - [lonely]
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        List<String> lines = e.problems().stream().map(Problem::toString).toList();
        assertContains(lines, "kb.yaml:3:10: source 'unused' is not cited by any passage or event");
        assertContains(lines, "kb.yaml:4:10: source 'same-url' has the same url as 'used'");
        assertContains(lines, "kb.yaml:9:6: alias name 'keita' is already listed at");
        assertContains(lines, "kb.yaml:10:5: an alias needs at least two names");
    }

    @Test
    void readsWhatAPassageIsAboutAndRejectsUnknownSubjects() throws IOException {
        write("about.yaml", """
                sources:
                  - {id: s-1, title: T, publisher: P, date: 2020, url: "https://example.org/x", language: en}
                passages:
                  - id: p-person
                    title: Someone
                    about: person
                    text: Someone did something notable in 2020, according to the source.
                    sources: [s-1]
                  - id: p-alien
                    title: Something
                    about: alien
                    text: Something else happened in 2021, according to the same source.
                    sources: [s-1]
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).toString().contains("about.yaml:11:12: 'about' is 'alien'"), e.problems().toString());
        Files.writeString(dir.resolve("about.yaml"), Files.readString(dir.resolve("about.yaml")).replace("alien", "topic"));
        KnowledgeBase kb = assertDoesNotThrow(() -> loader.load(dir));
        assertEquals(java.util.Optional.of(Passage.Subject.PERSON), kb.passages().get(0).about());
    }

    @Test
    void rejectsUnknownSectionsAndWrongShapes() throws IOException {
        write("shape.yaml", """
                passages:
                  - just a string
                events: not a list
                people: []
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        List<String> lines = e.problems().stream().map(Problem::toString).toList();
        assertContains(lines, "shape.yaml:2:5: a passage must be a mapping of fields, not text");
        assertContains(lines, "shape.yaml:3:9: 'events' must be a list, not text");
        assertContains(lines, "shape.yaml:4:1: unknown section 'people'");
    }

    @Test
    void fingerprintChangesWithContent() throws Exception {
        Path kb = Fixtures.copyKnowledge(dir);
        String before = loader.fingerprint(kb);
        Files.writeString(kb.resolve("aliases.yaml"), "\n# a comment\n", StandardOpenOption.APPEND);
        assertNotEquals(before, loader.fingerprint(kb));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static void assertContains(List<String> lines, String expected) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(expected)), "expected a line containing\n  " + expected
                + "\nin\n  " + String.join("\n  ", lines));
    }

    private static final class StandardOpenOption {
        static final java.nio.file.StandardOpenOption APPEND = java.nio.file.StandardOpenOption.APPEND;
    }
}
