package org.crisisdesk.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.lucene.search.ReferenceManager;

/**
 * Hands out the generation in service, with Lucene's acquire/release discipline: a searcher acquired before a
 * swap stays valid until it is released, and the old generation closes when its last user releases it. A refresh
 * looks at the store's {@code CURRENT} file, so generations published by another process are picked up too.
 */
public final class GenerationManager extends ReferenceManager<Generation> {

    private final IndexStore store;

    public GenerationManager(IndexStore store, Generation initial) {
        this.store = store;
        this.current = initial;
    }

    /** What a generation can be asked, within one acquire/release. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Generation generation) throws IOException;
    }

    /**
     * Runs {@code reader} against the generation in service, holding it for exactly that long; an index that can
     * no longer be read is an {@link UncheckedIOException}, which front ends report as a failure.
     */
    public <T> T read(Reader<T> reader) {
        try {
            Generation generation = acquire();
            try {
                return reader.read(generation);
            } finally {
                release(generation);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the index could not be read", e);
        }
    }

    @Override
    protected void decRef(Generation generation) throws IOException {
        generation.reader().decRef();
    }

    @Override
    protected Generation refreshIfNeeded(Generation referenceToRefresh) throws IOException {
        Optional<String> published = store.current();
        if (published.isEmpty() || published.get().equals(referenceToRefresh.name())) {
            return null;
        }
        return Generation.open(published.get(), store.directory(published.get()));
    }

    @Override
    protected boolean tryIncRef(Generation generation) {
        return generation.reader().tryIncRef();
    }

    @Override
    protected int getRefCount(Generation generation) {
        return generation.reader().getRefCount();
    }
}
