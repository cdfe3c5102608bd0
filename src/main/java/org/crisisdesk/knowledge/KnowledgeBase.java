package org.crisisdesk.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated knowledge base, as read from one directory at one moment, with the warnings found while reading it
 * (problems that do not stop it from being published).
 */
public record KnowledgeBase(
        List<Source> sources,
        List<Passage> passages,
        List<Event> events,
        List<Alias> aliases,
        BaseInfo base,
        List<Problem> warnings,
        String fingerprint) {

    /**
     * Lists are wrapped, not copied: a generated base (benchmarks) can be a million passages made on demand, which a
     * copy would hold in memory all at once.
     */
    public KnowledgeBase {
        sources = Collections.unmodifiableList(sources);
        passages = Collections.unmodifiableList(passages);
        events = Collections.unmodifiableList(events);
        aliases = Collections.unmodifiableList(aliases);
        warnings = List.copyOf(warnings);
    }

    public Map<String, Source> sourcesById() {
        Map<String, Source> byId = new LinkedHashMap<>();
        for (Source source : sources) {
            byId.put(source.id(), source);
        }
        return byId;
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
