package org.crisisdesk.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the knowledge base's YAML files, refusing what a directory of curated text should never hold: a file that
 * resolves outside the knowledge directory (a symbolic link to {@code /etc/…}, or to another checkout), more than
 * {@link #MAX_FILES} files, or more than {@link #MAX_TOTAL_BYTES} in all. The shipped base is far below both (a
 * few dozen files, under a megabyte); the caps bound what a mistake (a dump copied in, a large tree) makes the
 * loader read, hash and hold in memory, and so how long every start, which fingerprints the base, can take.
 *
 * <p>A refused link leaves the other files to be read, so that every problem is reported at once; past a cap,
 * nothing is read.
 */
public final class KnowledgeFiles {

    public static final int MAX_FILES = 5_000;
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    /**
     * The files to read, sorted, and what was refused.
     *
     * @param files    regular {@code .yaml}/{@code .yml} files inside the directory, not hidden
     * @param problems one per file refused, or one for a cap passed
     */
    public record Listing(List<Path> files, List<Problem> problems) {
        public Listing {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private KnowledgeFiles() {
    }

    /** The knowledge files below {@code directory}, as {@link #find(Path, int, long)} with the standard caps. */
    public static Listing find(Path directory) throws IOException {
        return find(directory, MAX_FILES, MAX_TOTAL_BYTES);
    }

    static Listing find(Path directory, int maxFiles, long maxTotalBytes) throws IOException {
        Path root = directory.toRealPath();
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(directory)) {
            candidates = walk.filter(Files::isRegularFile).filter(KnowledgeFiles::isKnowledgeFile).sorted().toList();
        }
        List<Path> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : candidates) {
            Path real = file.toRealPath();
            if (real.startsWith(root)) {
                files.add(file);
            } else {
                problems.add(new Problem(Origin.ofFile(shown(file)), "file resolves to " + real
                        + ", outside the knowledge directory " + root + "; knowledge files must be inside it"
                        + " (a symbolic link pointing out is refused)"));
            }
        }
        if (files.size() > maxFiles) {
            return new Listing(List.of(), List.of(new Problem(Origin.ofFile(shown(directory)), "the knowledge"
                    + " directory holds " + files.size() + " YAML files; at most " + maxFiles + " are read")));
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        if (total > maxTotalBytes) {
            return new Listing(List.of(), List.of(new Problem(Origin.ofFile(shown(directory)), "the knowledge"
                    + " files add up to " + total / 1024 + " KiB; at most " + maxTotalBytes / 1024 + " KiB are read")));
        }
        return new Listing(files, problems);
    }

    private static boolean isKnowledgeFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    /** Relative to the working directory when below it, as a compiler would print it; absolute otherwise. */
    private static Path shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }
}
