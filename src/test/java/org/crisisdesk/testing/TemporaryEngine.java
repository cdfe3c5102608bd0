package org.crisisdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineException;
import org.crisisdesk.index.IndexStore;

/**
 * An engine over a private copy of the fixture knowledge base, in a temporary directory removed on close: for test
 * lifecycles (jqwik containers) that have no {@code @TempDir}.
 */
public final class TemporaryEngine implements AutoCloseable {

    private final Path directory;
    private final Engine engine;

    private TemporaryEngine(Path directory, Engine engine) {
        this.directory = directory;
        this.engine = engine;
    }

    public static TemporaryEngine open(String prefix) throws IOException, EngineException {
        Path directory = Files.createTempDirectory(prefix);
        return new TemporaryEngine(directory, Fixtures.engine(directory));
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public void close() throws IOException {
        try {
            engine.close();
        } finally {
            IndexStore.deleteRecursively(directory);
        }
    }
}
