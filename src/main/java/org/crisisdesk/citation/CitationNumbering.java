package org.crisisdesk.citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.knowledge.Source;

/**
 * Numbers sources in the order they are first cited, [1], [2], ..., giving a source cited twice the same number.
 * Not thread-safe: one instance numbers one answer.
 */
public final class CitationNumbering {

    private final Map<String, Source> sources;
    private final Map<String, Citation> numbered = new LinkedHashMap<>();

    public CitationNumbering(Map<String, Source> sources) {
        this.sources = sources;
    }

    /** The numbers of these source ids, numbering the new ones; ids of unknown sources are skipped. */
    public List<Integer> cite(List<String> sourceIds) {
        List<Integer> numbers = new ArrayList<>();
        for (String id : sourceIds) {
            Citation citation = numbered.get(id);
            if (citation == null) {
                Source source = sources.get(id);
                if (source == null) {
                    continue;
                }
                citation = Citation.of(numbered.size() + 1, source);
                numbered.put(id, citation);
            }
            if (!numbers.contains(citation.n())) {
                numbers.add(citation.n());
            }
        }
        return numbers;
    }

    /** Every citation numbered so far, in number order. */
    public List<Citation> citations() {
        return List.copyOf(numbered.values());
    }
}
