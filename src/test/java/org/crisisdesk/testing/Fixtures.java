package org.crisisdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.engine.EngineException;
import org.crisisdesk.index.ProgressListener;

/** The small test knowledge base under {@code src/test/resources/fixtures/kb}, copied where a test can edit it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path fixtureKnowledge() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/kb").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture knowledge base to {@code dir/knowledge} and returns that path. */
    public static Path copyKnowledge(Path dir) {
        Path target = dir.resolve("knowledge");
        Path source = fixtureKnowledge();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static EngineConfig config(Path dir) {
        return EngineConfig.fromEnvironment(java.util.Map.of())
                .withKnowledge(copyKnowledge(dir))
                .withIndex(dir.resolve("index"));
    }

    public static Engine engine(Path dir) throws IOException, EngineException {
        return Engine.open(config(dir), ProgressListener.NONE);
    }

    /** The repository root, where the shipped {@code knowledge/} lives. */
    public static Path repository() {
        String configured = System.getProperty("crisisdesk.repo");
        return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    }
}
