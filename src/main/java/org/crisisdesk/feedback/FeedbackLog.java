package org.crisisdesk.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What curators need to improve the knowledge base, one JSON object a line: questions the bot could not answer
 * and votes on answers. Appends only, so curators can read it while the bot writes. Thread-safe.
 *
 * <p>What users typed is personal data, so the log keeps as little as it can: each question goes through the
 * policy's {@code redact} first (on Discord, {@code QuestionText::clean} takes out mentions, which are user ids),
 * questions asked privately are not kept unless the policy says so, the file is created readable by its owner
 * only (0600, where the file system has POSIX permissions), and past {@code maxBytes} it is renamed to
 * {@code FILE.1}, replacing the previous one, so at most about twice that is ever kept.
 */
public final class FeedbackLog {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLog.class);

    public static final String UNANSWERED = "unanswered";
    public static final String VOTE = "vote";
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /**
     * What is kept, and how much.
     *
     * @param maxBytes    size past which the file is rolled over to {@code FILE.1}
     * @param keepPrivate whether questions asked privately (and votes on their answers) are written
     * @param redact      applied to every question before it is written
     */
    public record Policy(long maxBytes, boolean keepPrivate, UnaryOperator<String> redact) {
        public Policy {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
            }
        }

        /** 10 MiB, private questions not kept, questions written as given. */
        public static Policy defaults() {
            return new Policy(DEFAULT_MAX_BYTES, false, UnaryOperator.identity());
        }
    }

    private final Path file;
    private final Clock clock;
    private final Policy policy;
    private boolean permissionsChecked;

    /** A log with {@link Policy#defaults()}: for text that holds no Discord markup. */
    public FeedbackLog(Path file, Clock clock) {
        this(file, clock, Policy.defaults());
    }

    public FeedbackLog(Path file, Clock clock, Policy policy) {
        this.file = file;
        this.clock = clock;
        this.policy = policy;
    }

    public Path file() {
        return file;
    }

    /** The file the log rolls over to past its size limit. */
    public Path previousFile() {
        return file.resolveSibling(file.getFileName() + ".1");
    }

    /** Whether anything about a question asked privately is written. */
    public boolean keepsPrivate() {
        return policy.keepPrivate();
    }

    /** A question the engine abstained on, with the topics it offered instead. */
    public void unanswered(String question, List<String> suggestions) {
        unanswered(question, suggestions, false);
    }

    /** As {@link #unanswered(String, List)}; not written when asked privately, unless the policy keeps those. */
    public void unanswered(String question, List<String> suggestions, boolean askedPrivately) {
        entry(UNANSWERED, question, askedPrivately).ifPresent(entry -> {
            suggestions.forEach(entry.putArray("suggestions")::add);
            append(entry);
        });
    }

    /** A 👍 or 👎 on an answer, with the sources it cited so curators can find the passage. */
    public void vote(String question, boolean up, List<String> sources) {
        vote(question, up, sources, false);
    }

    /** As {@link #vote(String, boolean, List)}; not written for a private question, unless the policy says so. */
    public void vote(String question, boolean up, List<String> sources, boolean askedPrivately) {
        entry(VOTE, question, askedPrivately).ifPresent(entry -> {
            entry.put("vote", up ? "up" : "down");
            sources.forEach(entry.putArray("sources")::add);
            append(entry);
        });
    }

    /** The entry's common fields; empty when nothing may be written (a private question, or nothing left). */
    private Optional<ObjectNode> entry(String type, String question, boolean askedPrivately) {
        if (askedPrivately && !policy.keepPrivate()) {
            return Optional.empty();
        }
        String kept = policy.redact().apply(question == null ? "" : question);
        if (kept == null || kept.isBlank()) {
            return Optional.empty();
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("time", clock.instant().toString());
        entry.put("type", type);
        entry.put("question", kept);
        return Optional.of(entry);
    }

    private synchronized void append(ObjectNode entry) {
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size > 0 && size + line.length > policy.maxBytes()) {
                rollOver();
            }
            createOwnerOnly();
            Files.write(file, line, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feedback log " + file, e);
        }
    }

    private void rollOver() throws IOException {
        try {
            Files.move(file, previousFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, previousFile(), StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.info("feedback log reached {} bytes; the earlier entries are now in {}", policy.maxBytes(),
                previousFile());
    }

    /**
     * Creates the file readable and writable by its owner only; a file an earlier version made readable to all is
     * narrowed once. Where the file system has no POSIX permissions, its defaults apply.
     */
    private void createOwnerOnly() throws IOException {
        if (Files.notExists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                permissionsChecked = true;
                return;
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // another process made it meanwhile: narrowed below like any existing file
            }
        }
        if (!permissionsChecked) {
            permissionsChecked = true;
            try {
                if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions here
            } catch (IOException e) {
                LOG.warn("cannot make the feedback log {} readable by its owner only: {}", file, e.toString());
            }
        }
    }
}
