package org.crisisdesk.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The feedback log summarised for curators: the questions asked most often without an answer, and the answers
 * voted down (net of votes up), each most frequent first. Questions that differ only in case, spacing or final
 * punctuation count as one.
 */
public record GapsReport(List<Gap> unanswered, List<Rated> votedDown, int entries, int unreadable) {

    /** A question the bot could not answer, how often, and how it was last worded. */
    public record Gap(String question, int count) {
    }

    /** An answer with its votes. */
    public record Rated(String question, int down, int up, List<String> sources) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static GapsReport read(Path file) throws IOException {
        Map<String, Gap> gaps = new LinkedHashMap<>();
        Map<String, Rated> rated = new LinkedHashMap<>();
        int entries = 0;
        int unreadable = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry;
                try {
                    entry = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    // A line cut short by a crash must not hide the rest of the log.
                    unreadable++;
                    continue;
                }
                String question = entry.path("question").asText("");
                if (question.isBlank()) {
                    unreadable++;
                    continue;
                }
                entries++;
                String key = normalise(question);
                switch (entry.path("type").asText("")) {
                    case FeedbackLog.UNANSWERED -> gaps.merge(key, new Gap(question.strip(), 1),
                            (a, b) -> new Gap(b.question(), a.count() + 1));
                    case FeedbackLog.VOTE -> {
                        boolean up = entry.path("vote").asText("").equals("up");
                        List<String> sources = new ArrayList<>();
                        entry.path("sources").forEach(s -> sources.add(s.asText()));
                        Rated vote = new Rated(question.strip(), up ? 0 : 1, up ? 1 : 0, sources);
                        rated.merge(key, vote, (a, b) -> new Rated(b.question(), a.down() + b.down(),
                                a.up() + b.up(), b.sources()));
                    }
                    default -> unreadable++;
                }
            }
        }
        List<Gap> unanswered = gaps.values().stream()
                .sorted(Comparator.comparingInt(Gap::count).reversed()).toList();
        List<Rated> down = rated.values().stream().filter(r -> r.down() > r.up())
                .sorted(Comparator.comparingInt((Rated r) -> r.down() - r.up()).reversed()).toList();
        return new GapsReport(unanswered, down, entries, unreadable);
    }

    static String normalise(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[?!.\\s]+$", "");
    }

    /** Plain text for the terminal, at most {@code limit} lines per list. */
    public String render(int limit) {
        StringBuilder out = new StringBuilder();
        out.append("Most frequent unanswered questions:\n");
        if (unanswered.isEmpty()) {
            out.append("  (none)\n");
        }
        unanswered.stream().limit(limit).forEach(g -> out.append(String.format(Locale.ROOT, "  %4d  %s%n",
                g.count(), g.question())));
        out.append("\nAnswers voted down (down/up):\n");
        if (votedDown.isEmpty()) {
            out.append("  (none)\n");
        }
        votedDown.stream().limit(limit).forEach(r -> out.append(String.format(Locale.ROOT, "  %2d/%-2d %s%s%n",
                r.down(), r.up(), r.question(), r.sources().isEmpty() ? "" : "  [" + String.join(", ", r.sources())
                        + "]")));
        out.append(String.format(Locale.ROOT, "%n%d entries", entries));
        if (unreadable > 0) {
            out.append(String.format(Locale.ROOT, ", %d unreadable lines skipped", unreadable));
        }
        out.append('\n');
        return out.toString();
    }
}
