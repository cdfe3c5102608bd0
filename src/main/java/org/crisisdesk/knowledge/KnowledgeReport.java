package org.crisisdesk.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The curators' figures for a knowledge base: how its sources divide by kind, which items lack a first-tier source
 * (and why, when a curator said), which claims rest on weak sources alone, what is untranslated, how current it is.
 *
 * @param sourcesByKind       how many sources of each kind
 * @param firstTierSources    sources that count as first tier (a first-tier kind with a publication date)
 * @param sentences           passage sentences
 * @param citationsPerSentence median sources cited by a passage sentence
 * @param withoutFirstTier    passages and events none of whose sources is first tier, with the curators' reason
 * @param weakOnlyClaims      sentences and events that rest on reference works, aggregators or propaganda alone
 * @param uncitedSentences    sentences without a source (validation refuses them, so this is 0 in a valid base)
 * @param untranslated        sentences, events and titles without French text
 * @param latestEvent         the date of the latest event
 * @param asOf                the latest reporting the curators reviewed the base against
 */
public record KnowledgeReport(
        int sources,
        Map<SourceKind, Integer> sourcesByKind,
        int firstTierSources,
        int passages,
        int sentences,
        double citationsPerSentence,
        int events,
        int aliases,
        List<Unsupported> withoutFirstTier,
        List<String> weakOnlyClaims,
        int uncitedSentences,
        int untranslated,
        Optional<PartialDate> latestEvent,
        Optional<PartialDate> asOf,
        Optional<PartialDate> reviewed) {

    /** An item without a first-tier source, and the curators' reason when they gave one. */
    public record Unsupported(String id, Optional<String> reason) {
    }

    public KnowledgeReport {
        sourcesByKind = Map.copyOf(sourcesByKind);
        withoutFirstTier = List.copyOf(withoutFirstTier);
        weakOnlyClaims = List.copyOf(weakOnlyClaims);
    }

    public double firstTierShare() {
        return sources == 0 ? 0 : (double) firstTierSources / sources;
    }

    public static KnowledgeReport of(KnowledgeBase kb) {
        Map<String, Source> byId = kb.sourcesById();
        Map<SourceKind, Integer> byKind = new EnumMap<>(SourceKind.class);
        int firstTier = 0;
        for (Source source : kb.sources()) {
            byKind.merge(source.kind(), 1, Integer::sum);
            firstTier += source.firstTier() ? 1 : 0;
        }
        List<Unsupported> without = new ArrayList<>();
        List<String> weakOnly = new ArrayList<>();
        int sentences = 0;
        int uncited = 0;
        int untranslated = 0;
        List<Integer> citations = new ArrayList<>();
        for (Passage passage : kb.passages()) {
            if (!anyFirstTier(passage.sources(), byId)) {
                without.add(new Unsupported(passage.id(), passage.firstTierMissing()));
            }
            untranslated += passage.titleFr().isPresent() ? 0 : 1;
            for (int i = 0; i < passage.sentences().size(); i++) {
                Sentence sentence = passage.sentences().get(i);
                sentences++;
                citations.add(sentence.sources().size());
                uncited += sentence.sources().isEmpty() ? 1 : 0;
                untranslated += sentence.fr().isPresent() ? 0 : 1;
                if (weakOnly(sentence.sources(), byId)) {
                    weakOnly.add(passage.id() + " sentence " + (i + 1));
                }
            }
        }
        Optional<PartialDate> latest = Optional.empty();
        for (Event event : kb.events()) {
            if (!anyFirstTier(event.sources(), byId)) {
                without.add(new Unsupported(event.id(), event.firstTierMissing()));
            }
            untranslated += event.textFr().isPresent() ? 0 : 1;
            if (weakOnly(event.sources(), byId)) {
                weakOnly.add(event.id());
            }
            if (latest.isEmpty() || event.date().compareTo(latest.get()) > 0) {
                latest = Optional.of(event.date());
            }
        }
        return new KnowledgeReport(kb.sources().size(), byKind, firstTier, kb.passages().size(), sentences,
                median(citations), kb.events().size(), kb.aliases().size(), without, weakOnly, uncited, untranslated,
                latest, kb.base().asOf(), kb.base().reviewed());
    }

    private static boolean anyFirstTier(List<String> ids, Map<String, Source> byId) {
        return ids.stream().map(byId::get).anyMatch(s -> s != null && s.firstTier());
    }

    private static boolean weakOnly(List<String> ids, Map<String, Source> byId) {
        List<Source> cited = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return !cited.isEmpty() && cited.stream().allMatch(s -> s.kind().weak());
    }

    private static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0;
        }
        int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
