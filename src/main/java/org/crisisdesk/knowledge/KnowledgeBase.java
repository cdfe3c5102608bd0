package org.crisisdesk.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated knowledge base, as read from one directory at one moment. */
public record KnowledgeBase(
        List<Source> sources,
        List<Passage> passages,
        List<Event> events,
        List<Alias> aliases,
        String fingerprint) {

    public KnowledgeBase {
        sources = List.copyOf(sources);
        passages = List.copyOf(passages);
        events = List.copyOf(events);
        aliases = List.copyOf(aliases);
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
