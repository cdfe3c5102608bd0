package org.crisisdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A reindex killed half-way, or an index damaged on disk, never leaves the bot without its last good index. */
class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aReindexKilledMidBuildLeavesTheLastGoodIndexServing() throws Exception {
        EngineConfig config = Fixtures.config(dir);
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            assertTrue(engine.ask("which resolution ended minusma's mandate?").answered());
        }
        IndexStore store = new IndexStore(config.index());
        assertEquals(Optional.of("gen-000001"), store.current());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StuckReindexMain.class.getName(), config.knowledge().toString(), config.index().toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<Boolean> midway = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.equals("MIDWAY")) {
                            return true;
                        }
                    }
                    return false;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertTrue(midway.get(60, TimeUnit.SECONDS), "the child reached the middle of its build");
            assertTrue(store.generations().contains("gen-000002.building"), store.generations().toString());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertNotEquals(0, child.exitValue(), "killed, not finished");
        assertEquals(Optional.of("gen-000001"), store.current(), "the killed build was never published");

        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            assertTrue(engine.ask("which resolution ended minusma's mandate?").answered());
            engine.reindex(ProgressListener.NONE);
        }
        assertEquals(List.of("gen-000001", "gen-000002"), store.generations(), "the abandoned build was cleaned up");
    }

    /** Builds the fixture's index by opening an engine on it once; returns the generation directory in service. */
    private static Path generationInService(EngineConfig config) throws Exception {
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            assertTrue(engine.ask("which resolution ended minusma's mandate?").answered());
            assertFalse(engine.sources().isEmpty());
        }
        IndexStore store = new IndexStore(config.index());
        return store.directory(store.current().orElseThrow());
    }

    @Test
    void aDamagedIndexIsDetectedAtStartAndRebuilt() throws Exception {
        EngineConfig config = Fixtures.config(dir);
        Path generation = generationInService(config);
        IndexStore store = new IndexStore(config.index());
        try (Stream<Path> files = Files.list(generation)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.writeString(file, "this is not a Lucene commit");
            }
        }
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            assertTrue(engine.ask("which resolution ended minusma's mandate?").answered());
        }
        assertEquals(Optional.of("gen-000002"), store.current());
    }

    @Test
    void aGenerationWhoseSourcesFileIsMissingIsRebuilt() throws Exception {
        EngineConfig config = Fixtures.config(dir);
        Files.delete(generationInService(config).resolve(SourcesFile.NAME));
        IndexStore store = new IndexStore(config.index());
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            assertFalse(engine.sources().isEmpty());
            assertFalse(engine.ask("which resolution ended minusma's mandate?").citations().isEmpty());
        }
        assertEquals(Optional.of("gen-000002"), store.current());
    }

    @Test
    void aMissingGenerationDirectoryIsRebuiltToo() throws Exception {
        EngineConfig config = Fixtures.config(dir);
        IndexStore.deleteRecursively(generationInService(config));
        IndexStore store = new IndexStore(config.index());
        try (Engine engine = Engine.open(config, ProgressListener.NONE)) {
            assertFalse(engine.sources().isEmpty());
        }
        assertTrue(Files.isDirectory(store.directory(store.current().orElseThrow())));
    }
}
