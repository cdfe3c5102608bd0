package org.crisisdesk.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.crisisdesk.knowledge.Source;

/**
 * One published index generation opened for searching: its reader and searcher, the analysis built from its own
 * aliases, and its sources. Everything an answer needs comes from one generation, so an answer never mixes two.
 * Reference counted through its reader; the directory closes with the last reference.
 */
public final class Generation {

    private final String name;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final IndexManifest manifest;
    private final TextAnalysis analysis;
    private final Map<String, Source> sources;

    private Generation(String name, DirectoryReader reader, IndexManifest manifest, Map<String, Source> sources) {
        this.name = name;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.manifest = manifest;
        this.analysis = TextAnalysis.withAliases(manifest.aliases(), manifest.synonyms());
        this.sources = Collections.unmodifiableMap(sources);
    }

    /** Opens a generation directory; fails with a clear message when it is missing, damaged or foreign. */
    public static Generation open(String name, Path path) throws IOException {
        Directory directory = FSDirectory.open(path);
        DirectoryReader reader = null;
        try {
            reader = DirectoryReader.open(directory);
            IndexManifest manifest;
            try {
                manifest = IndexManifest.fromCommitData(reader.getIndexCommit().getUserData());
            } catch (IllegalArgumentException e) {
                throw new IOException(path + ": " + e.getMessage(), e);
            }
            Map<String, Source> sources = SourcesFile.read(path);
            DirectoryReader opened = reader;
            opened.getReaderCacheHelper().addClosedListener(key -> directory.close());
            reader = null;
            return new Generation(name, opened, manifest, sources);
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                reader.close();
            }
            directory.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public IndexManifest manifest() {
        return manifest;
    }

    public TextAnalysis analysis() {
        return analysis;
    }

    public Map<String, Source> sources() {
        return sources;
    }

    /** Drops the opener's reference; only for a generation that was never handed to a {@link GenerationManager}. */
    public void discard() throws IOException {
        reader.decRef();
    }

    DirectoryReader reader() {
        return reader;
    }
}
