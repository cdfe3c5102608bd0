package org.crisisdesk.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index directory: numbered generations side by side, and a {@code CURRENT} file naming the one in service.
 * A new generation is built under a {@code .building} name, renamed when committed, and only then named in
 * {@code CURRENT} by an atomic rename, so a crash at any point leaves the previous generation serving.
 */
public final class IndexStore {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);
    private static final String CURRENT = "CURRENT";
    private static final String LOCK = "reindex.lock";
    private static final String BUILDING_SUFFIX = ".building";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6})");
    private static final Pattern ANY_GENERATION = Pattern.compile("gen-(\\d{6})(\\.building)?");

    private final Path root;

    public IndexStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The generation in service, if one was ever published. */
    public Optional<String> current() throws IOException {
        try {
            String name = Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).strip();
            if (!GENERATION.matcher(name).matches()) {
                LOG.warn("{} names '{}', which is not a generation; ignoring it", root.resolve(CURRENT), name);
                return Optional.empty();
            }
            return Optional.of(name);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public Path directory(String generation) {
        return root.resolve(generation);
    }

    /** Creates an empty directory for the next generation; it stays invisible until {@link #complete}. */
    public Path startBuild() throws IOException {
        Files.createDirectories(root);
        int next = generations().stream().mapToInt(IndexStore::number).max().orElse(0) + 1;
        Path building = root.resolve(String.format("gen-%06d%s", next, BUILDING_SUFFIX));
        Files.createDirectory(building);
        return building;
    }

    /** Gives a committed build its final name. */
    public String complete(Path building) throws IOException {
        String name = building.getFileName().toString();
        if (!name.endsWith(BUILDING_SUFFIX)) {
            throw new IllegalArgumentException(building + " is not a build directory");
        }
        String generation = name.substring(0, name.length() - BUILDING_SUFFIX.length());
        moveAtomically(building, root.resolve(generation));
        return generation;
    }

    /** Puts a completed generation in service: one atomic rename of the {@code CURRENT} file. */
    public void publish(String generation) throws IOException {
        if (!Files.isDirectory(directory(generation))) {
            throw new NoSuchFileException(directory(generation).toString());
        }
        Path temp = root.resolve(CURRENT + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.UTF_8.encode(generation + "\n"));
            channel.force(true);
        }
        moveAtomically(temp, root.resolve(CURRENT));
        syncDirectory(root);
    }

    /**
     * Removes abandoned builds and every generation but the one in service and the newest other one (kept for
     * rollback). Call it holding the lock, so no build in progress is mistaken for an abandoned one.
     */
    public List<String> cleanUp() throws IOException {
        Optional<String> current = current();
        List<String> complete = generations().stream()
                .filter(name -> GENERATION.matcher(name).matches())
                .sorted(Comparator.comparingInt(IndexStore::number).reversed())
                .toList();
        List<String> keep = new ArrayList<>();
        current.ifPresent(keep::add);
        complete.stream().filter(name -> !keep.contains(name)).findFirst().ifPresent(keep::add);
        List<String> removed = new ArrayList<>();
        for (String name : generations()) {
            if (!keep.contains(name)) {
                deleteRecursively(root.resolve(name));
                removed.add(name);
            }
        }
        return removed;
    }

    /** Every generation directory, complete or not. */
    public List<String> generations() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> ANY_GENERATION.matcher(name).matches())
                    .sorted()
                    .toList();
        }
    }

    /** The cross-process reindex lock, held until closed. */
    public static final class ReindexLock implements java.io.Closeable {
        private final FileChannel channel;
        private final FileLock lock;

        private ReindexLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                lock.release();
            }
        }
    }

    /**
     * Takes the cross-process reindex lock, or returns empty when another process holds it. The lock is released
     * by the operating system if the process dies, so a killed reindex never blocks the next one.
     */
    public Optional<ReindexLock> tryLock() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // This JVM already holds it (another engine over the same index): as busy as another process.
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new ReindexLock(channel, lock));
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static int number(String name) {
        Matcher m = ANY_GENERATION.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the index directory's file system cannot rename atomically: " + to, e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename is still atomic, only its durability is weaker.
            LOG.debug("could not sync directory {}: {}", dir, e.toString());
        }
    }
}
