package org.crisisdesk.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

/**
 * What curators need to improve the knowledge base, one JSON object a line: questions the bot could not answer
 * and votes on answers. Appends only, so curators can read it while the bot writes. Thread-safe.
 */
public final class FeedbackLog {

    public static final String UNANSWERED = "unanswered";
    public static final String VOTE = "vote";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    public FeedbackLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** A question the engine abstained on, with the topics it offered instead. */
    public void unanswered(String question, List<String> suggestions) {
        ObjectNode entry = entry(UNANSWERED, question);
        suggestions.forEach(entry.putArray("suggestions")::add);
        append(entry);
    }

    /** A 👍 or 👎 on an answer, with the sources it cited so curators can find the passage. */
    public void vote(String question, boolean up, List<String> sources) {
        ObjectNode entry = entry(VOTE, question);
        entry.put("vote", up ? "up" : "down");
        sources.forEach(entry.putArray("sources")::add);
        append(entry);
    }

    private ObjectNode entry(String type, String question) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("time", clock.instant().toString());
        entry.put("type", type);
        entry.put("question", question);
        return entry;
    }

    private synchronized void append(ObjectNode entry) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feedback log " + file, e);
        }
    }
}
