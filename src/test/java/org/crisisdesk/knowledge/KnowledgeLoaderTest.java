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
        assertEquals(List.of("ripples-goita-2020"), coup.sentences().get(2).sources(), "each sentence its own sources");
        assertTrue(coup.sentences().get(0).note().isPresent());
        assertTrue(coup.sentences().get(0).noteFr().isPresent());
        assertTrue(coup.titleFr().isPresent());
        assertFalse(coup.text().contains("\n"), "folded YAML text is normalised to single spaces");
        assertTrue(coup.text("fr").startsWith("Le 18 août 2020"), coup.text("fr"));
        assertEquals(PartialDate.parse("2023-12-31"), kb.base().asOf());
        assertEquals(List.of(), kb.warnings().stream().filter(w -> !w.message().contains("starts with")).toList());
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
                    kind: major
                    date: 2020-02-30
                    url: ftp://example.org/a
                    language: EN
                  - id: src-a
                    title: Duplicate id
                    publisher: Someone
                    kind: newspaper
                    date: 2020
                    url: https://example.org/b
                    language: en
                """);
        write("passages.yaml", """
                passages:
                  - id: Bad_Id
                    title: A passage
                    sentences:
                      - en: ""
                        sources: [src-a, no-such-source]
                      - en: A sentence nobody backs with a source.
                    colour: blue
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        List<String> lines = e.problems().stream().map(Problem::toString).toList();
        assertContains(lines, "passages.yaml:2:9: id 'Bad_Id' must be");
        assertContains(lines, "passages.yaml:5:13: 'en' is empty");
        assertContains(lines, "passages.yaml:6:26: 'Bad_Id' cites unknown source 'no-such-source'");
        assertContains(lines, "passages.yaml:7:9: a sentence has no 'sources'");
        assertContains(lines, "passages.yaml:8:5: unknown field 'colour' in a passage");
        assertContains(lines, "sources.yaml:6:11: 'date' is '2020-02-30': expected a real date");
        assertContains(lines, "sources.yaml:7:10: url 'ftp://example.org/a' must be an absolute http(s) address");
        assertContains(lines, "sources.yaml:8:15: 'language' is 'EN'");
        assertContains(lines, "sources.yaml:9:9: duplicate id 'src-a' (first defined at ");
        assertContains(lines, "sources.yaml:12:11: 'kind' is 'newspaper': expected one of primary, major, research");
        assertTrue(lines.size() >= 10, lines.toString());
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
                  - {id: used, title: T, publisher: P, kind: major, date: 2020, url: "https://example.org/x", language: en}
                  - {id: unused, title: T, publisher: P, kind: major, date: 2020, url: "https://example.org/y", language: en}
                  - {id: same-url, title: T, publisher: P, kind: press, date: 2020, url: "https://example.org/x", language: en}
                events:
                  - {id: e-1, date: 2020, en: Something happened that year., sources: [used, same-url]}
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
                  - {id: s-1, title: T, publisher: P, kind: major, date: 2020, url: "https://example.org/x", language: en}
                passages:
                  - id: p-person
                    title: Someone
                    title_fr: Quelqu'un
                    about: person
                    sentences:
                      - {en: Someone did something notable in 2020., fr: Quelqu'un a fait parler de lui en 2020., sources: [s-1]}
                  - id: p-alien
                    title: Something
                    title_fr: Quelque chose
                    about: alien
                    sentences:
                      - {en: Something else happened in 2021., fr: Autre chose s'est passé en 2021., sources: [s-1]}
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).toString().contains("about.yaml:13:12: 'about' is 'alien'"), e.problems().toString());
        Files.writeString(dir.resolve("about.yaml"), Files.readString(dir.resolve("about.yaml")).replace("alien", "topic"));
        KnowledgeBase kb = assertDoesNotThrow(() -> loader.load(dir));
        assertEquals(java.util.Optional.of(Passage.Subject.PERSON), kb.passages().get(0).about());
    }

    @Test
    void checksThatTheFrenchTextStatesTheSameNumbersMonthsAndNames() throws IOException {
        write("fr.yaml", """
                sources:
                  - {id: s-1, title: T, publisher: P, kind: major, date: 2020, url: "https://example.org/x", language: en}
                aliases:
                  - [ECOWAS, CEDEAO]
                  - [MINUSMA, UN mission in Mali]
                passages:
                  - id: p-1
                    title: Sanctions
                    title_fr: Sanctions
                    sentences:
                      - en: On 9 January 2022 ECOWAS closed its borders with Mali, costing 1,500 jobs (77.6%).
                        fr: Le 9 janvier 2022, la CEDEAO a fermé ses frontières avec le Mali (1 500 emplois, 77,6 %).
                        sources: [s-1]
                      - en: MINUSMA left in December 2023, after 10 years.
                        fr: Elle est partie en novembre 2023, après 11 ans.
                        sources: [s-1]
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        List<String> lines = e.problems().stream().map(Problem::toString).toList();
        assertEquals(5, lines.size(), "the first sentence agrees (1,500 = 1 500, 77.6 = 77,6, ECOWAS = CEDEAO): "
                + lines);
        assertContains(lines, "fr.yaml:15:13: 'p-1': the French text does not say what the English says: number 10 in"
                + " the English text only");
        assertContains(lines, "number 11 in the French text only");
        assertContains(lines, "month novembre in the French text only");
        assertContains(lines, "month décembre in the English text only");
        assertContains(lines, "'MINUSMA' is named in the English text only");
    }

    @Test
    void refusesWeakOnlySupportAndMissingFrenchAndWarnsOnSentencesWithoutASubject() throws Exception {
        write("weak.yaml", """
                base:
                  as_of: 2026-04-27
                sources:
                  - {id: wiki, title: T, publisher: Wikipedia, kind: reference, url: "https://example.org/w", language: en}
                  - {id: wire, title: T, publisher: AFP, kind: major, date: 2020, url: "https://example.org/a", language: en}
                  - {id: paper, title: T, publisher: Maliweb, kind: press, date: 2020, url: "https://example.org/p", language: fr}
                passages:
                  - id: p-1
                    title: Something
                    as_of: 2026-04-27
                    sentences:
                      - {en: Something happened in 2020., fr: Il s'est passé quelque chose en 2020., sources: [wire]}
                      - {en: It then went on for a while., sources: [wiki]}
                events:
                  - {id: e-1, date: 2020, en: Something happened in 2020., fr: Il s'est passé quelque chose en 2020., sources: [paper]}
                  - id: e-2
                    date: 2021
                    en: A rumour spread in 2021.
                    fr: Une rumeur a circulé en 2021.
                    sources: [wire]
                    unconfirmed: true
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        List<String> errors = e.problems().stream().map(Problem::toString).toList();
        assertContains(errors, "'e-2': an unconfirmed claim needs a 'note'");
        assertContains(errors, "weak.yaml:13:53: 'p-1': this claim rests only on [wiki (reference)]");
        assertContains(errors, "'p-1': no French text ('fr')");
        assertContains(errors, "passage 'p-1' has no French title");
        List<String> warnings = e.warnings().stream().map(Problem::toString).toList();
        assertContains(warnings, "'p-1': starts with 'It'");
        assertContains(warnings, "warning: 'e-1' has no first-tier source");
        Files.writeString(dir.resolve("weak.yaml"), Files.readString(dir.resolve("weak.yaml"))
                .replace("unconfirmed: true", "unconfirmed: true\n    note: Reported by one outlet only.\n"
                        + "    note_fr: Rapporté par un seul média.")
                .replace("title: Something", "title: Something\n    title_fr: Quelque chose")
                .replace("{en: It then went on for a while., sources: [wiki]}",
                        "{en: It then went on for a while., fr: Cela a duré un moment., sources: [wiki, paper]}"));
        KnowledgeBase kb = loader.load(dir);
        assertEquals(PartialDate.parse("2026-04-27"), kb.passages().get(0).asOf());
        assertTrue(kb.events().get(1).unconfirmed());
        assertFalse(kb.warnings().isEmpty(), "a weak source beside a press source is allowed, and warned about");
        assertTrue(kb.sources().get(0).date().isEmpty(), "a reference work needs no publication date");
        assertFalse(kb.sources().get(0).firstTier());
        assertTrue(kb.sources().get(1).firstTier());
        assertFalse(kb.sources().get(2).firstTier());
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
        write("shape.yaml", "base:\n  as_of: 2026-04-27\n");
        write("again.yaml", "base:\n  as_of: 2026-04-28\n");
        e = assertThrows(InvalidKnowledgeException.class, () -> loader.load(dir));
        assertContains(e.problems().stream().map(Problem::toString).toList(), "shape.yaml:1:1: 'base' is given twice");
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
