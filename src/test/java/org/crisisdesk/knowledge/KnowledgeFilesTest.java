package org.crisisdesk.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeFilesTest {

    @TempDir
    Path dir;

    /** A symbolic link, or a skipped test where the file system or the user cannot make one. */
    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }
    }

    @Test
    void aYamlLinkPointingOutsideIsRefusedWithItsFileNamedAndTheRestIsStillRead() throws Exception {
        Path knowledge = Fixtures.copyKnowledge(dir.resolve("copy"));
        Path outside = Files.writeString(dir.resolve("secret.yaml"), "sources: []\n");
        link(knowledge.resolve("stolen.yaml"), outside);

        KnowledgeFiles.Listing listing = KnowledgeFiles.find(knowledge);
        assertFalse(listing.files().contains(knowledge.resolve("stolen.yaml")), listing.files().toString());
        assertEquals(5, listing.files().size(), "the fixture's own five files are still listed");
        assertEquals(1, listing.problems().size());
        String problem = listing.problems().get(0).toString();
        assertTrue(problem.contains("stolen.yaml:1:1: file resolves to " + outside.toRealPath()), problem);
        assertTrue(problem.contains("outside the knowledge directory"), problem);

        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class,
                () -> new KnowledgeLoader().load(knowledge));
        assertEquals(List.of(listing.problems().get(0)), e.problems(), "the loader reports it, and only it");
    }

    @Test
    void linksThatStayInsideAreFineAndLinkedFoldersAreNotFollowed() throws Exception {
        Path knowledge = Files.createDirectories(dir.resolve("kb"));
        Path real = Files.writeString(knowledge.resolve("aliases.yaml"), "aliases: []\n");
        Files.createDirectories(knowledge.resolve("more"));
        link(knowledge.resolve("more/same.yaml"), real);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("outside.yaml"), "sources: []\n");
        link(knowledge.resolve("linked-folder"), elsewhere);

        KnowledgeFiles.Listing listing = KnowledgeFiles.find(knowledge);
        assertEquals(List.of(real, knowledge.resolve("more/same.yaml")), listing.files());
        assertEquals(List.of(), listing.problems());
    }

    @Test
    void pastTheCapOnFilesOrOnBytesNothingIsRead() throws Exception {
        Path knowledge = Files.createDirectories(dir.resolve("kb"));
        for (int i = 0; i < 4; i++) {
            Files.writeString(knowledge.resolve("f" + i + ".yaml"), "aliases: []\n" + "#".repeat(1000) + "\n");
        }
        Files.writeString(knowledge.resolve(".hidden.yaml"), "x");
        Files.writeString(knowledge.resolve("notes.txt"), "x".repeat(10_000));

        KnowledgeFiles.Listing within = KnowledgeFiles.find(knowledge, 4, 4 * 1013);
        assertEquals(4, within.files().size(), "hidden files and other extensions do not count");
        assertEquals(List.of(), within.problems());

        KnowledgeFiles.Listing tooMany = KnowledgeFiles.find(knowledge, 3, Long.MAX_VALUE);
        assertEquals(List.of(), tooMany.files());
        assertTrue(tooMany.problems().get(0).message().contains("holds 4 YAML files; at most 3 are read"),
                tooMany.problems().toString());

        KnowledgeFiles.Listing tooBig = KnowledgeFiles.find(knowledge, 10, 3 * 1024);
        assertEquals(List.of(), tooBig.files());
        assertTrue(tooBig.problems().get(0).message().contains("add up to 3 KiB; at most 3 KiB are read"),
                tooBig.problems().toString());
    }

    @Test
    void theShippedKnowledgeBaseIsWellWithinTheCaps() throws Exception {
        KnowledgeFiles.Listing listing = KnowledgeFiles.find(Fixtures.repository().resolve("knowledge"));
        assertEquals(List.of(), listing.problems());
        long bytes = 0;
        for (Path file : listing.files()) {
            bytes += Files.size(file);
        }
        assertTrue(listing.files().size() * 10 < KnowledgeFiles.MAX_FILES, "files: " + listing.files().size());
        assertTrue(bytes * 10 < KnowledgeFiles.MAX_TOTAL_BYTES, "bytes: " + bytes);
    }
}
