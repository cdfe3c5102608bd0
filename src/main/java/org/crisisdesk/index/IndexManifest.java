package org.crisisdesk.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation was built from, stored in its Lucene commit so it can never disagree with the index: the
 * knowledge fingerprint (is it up to date?), counts, the aliases the question analyzer needs, and the topics.
 */
public record IndexManifest(
        int format,
        String fingerprint,
        Instant builtAt,
        int sources,
        int passages,
        int events,
        List<List<String>> aliases,
        List<String> topics,
        String asOf,
        List<List<String>> synonyms) {

    /** 3: sentences stored with their own sources, French text and fields, the base's as-of date. */
    public static final int FORMAT = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    public IndexManifest {
        aliases = aliases.stream().map(List::copyOf).toList();
        topics = List.copyOf(topics);
        asOf = asOf == null ? "" : asOf;
        synonyms = synonyms == null ? List.of() : synonyms.stream().map(List::copyOf).toList();
    }

    /** The date of the latest reporting the knowledge base was reviewed against, when its curators gave one. */
    public java.util.Optional<org.crisisdesk.knowledge.PartialDate> asOfDate() {
        return org.crisisdesk.knowledge.PartialDate.parse(asOf);
    }

    Map<String, String> toCommitData() {
        try {
            Map<String, String> data = new HashMap<>();
            data.put("crisisdesk.format", Integer.toString(format));
            data.put("crisisdesk.fingerprint", fingerprint);
            data.put("crisisdesk.builtAt", builtAt.toString());
            data.put("crisisdesk.sources", Integer.toString(sources));
            data.put("crisisdesk.passages", Integer.toString(passages));
            data.put("crisisdesk.events", Integer.toString(events));
            data.put("crisisdesk.aliases", JSON.writeValueAsString(aliases));
            data.put("crisisdesk.topics", JSON.writeValueAsString(topics));
            data.put("crisisdesk.asOf", asOf);
            data.put("crisisdesk.synonyms", JSON.writeValueAsString(synonyms));
            return data;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lists of strings always serialise", e);
        }
    }

    /** Reads the manifest back; throws when the commit was not written by this program's format. */
    static IndexManifest fromCommitData(Map<String, String> data) {
        String format = data.get("crisisdesk.format");
        if (format == null) {
            throw new IllegalArgumentException("not a crisisdesk index (no manifest in its commit)");
        }
        if (Integer.parseInt(format) != FORMAT) {
            throw new IllegalArgumentException("index format " + format + " is not " + FORMAT + "; rebuild it");
        }
        try {
            return new IndexManifest(
                    FORMAT,
                    data.get("crisisdesk.fingerprint"),
                    Instant.parse(data.get("crisisdesk.builtAt")),
                    Integer.parseInt(data.get("crisisdesk.sources")),
                    Integer.parseInt(data.get("crisisdesk.passages")),
                    Integer.parseInt(data.get("crisisdesk.events")),
                    JSON.readValue(data.get("crisisdesk.aliases"), new TypeReference<List<List<String>>>() { }),
                    JSON.readValue(data.get("crisisdesk.topics"), new TypeReference<List<String>>() { }),
                    data.getOrDefault("crisisdesk.asOf", ""),
                    JSON.readValue(data.getOrDefault("crisisdesk.synonyms", "[]"),
                            new TypeReference<List<List<String>>>() { }));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("damaged index manifest: " + e.getMessage(), e);
        }
    }
}
