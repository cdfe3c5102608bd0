package org.crisisdesk.bench;

import java.text.BreakIterator;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.crisisdesk.knowledge.Event;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.Origin;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Passage;
import org.crisisdesk.knowledge.Sentence;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.knowledge.SourceKind;

/**
 * A knowledge base of any size made from the real one: the real texts, plus generated passages and events whose
 * sentences, names, places, acronyms, topics and dates are drawn from it. Item {@code i} depends only on the seed
 * and {@code i}, and items are made when asked for, so a million passages never sit in memory together.
 */
final class SyntheticKnowledge {

    private static final Origin GENERATED = Origin.ofFile(java.nio.file.Path.of("<generated>"));

    private final List<String> sentences;
    private final List<String> names;
    private final List<String> topics;
    private final long seed;

    private SyntheticKnowledge(KnowledgeBase real, long seed) {
        this.seed = seed;
        this.sentences = sentences(real);
        this.names = real.aliases().stream().flatMap(a -> a.names().stream()).toList();
        List<String> allTopics = new ArrayList<>();
        real.passages().forEach(p -> allTopics.addAll(p.tags()));
        real.events().forEach(e -> allTopics.addAll(e.topics()));
        this.topics = allTopics.isEmpty() ? List.of("Mali") : List.copyOf(allTopics);
    }

    /** The real base plus enough generated passages to make {@code passages} in all (and a fifth as many events). */
    static KnowledgeBase of(KnowledgeBase real, int passages, long seed) {
        if (passages <= real.passages().size()) {
            return real;
        }
        SyntheticKnowledge generator = new SyntheticKnowledge(real, seed);
        int extraPassages = passages - real.passages().size();
        int extraEvents = extraPassages / 5;
        int extraSources = Math.max(10, Math.min(5_000, extraPassages / 200));
        List<Source> sources = new ArrayList<>(real.sources());
        for (int i = 0; i < extraSources; i++) {
            sources.add(new Source("syn-source-" + i, "Generated source " + i, "crisisdesk benchmark",
                    SourceKind.MAJOR, Optional.empty(), List.of(), PartialDate.parse("2024"), Optional.empty(),
                    "https://example.org/generated/" + i, "en", GENERATED));
        }
        List<Passage> allPassages = new Concatenation<>(real.passages(), extraPassages, i -> generator.passage(i,
                extraSources));
        List<Event> allEvents = new Concatenation<>(real.events(), extraEvents, i -> generator.event(i, extraSources));
        return new KnowledgeBase(sources, allPassages, allEvents, real.aliases(), real.base(), List.of(),
                "synthetic-" + passages + "-" + seed + "-" + real.fingerprint());
    }

    private Passage passage(int i, int sourceCount) {
        Random random = new Random(seed * 1_000_003L + i);
        String name = pick(random, names);
        List<String> source = List.of("syn-source-" + random.nextInt(sourceCount));
        List<Sentence> text = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        for (int s = 0; s < count; s++) {
            text.add(sentence(pick(random, sentences), source));
        }
        text.add(sentence(name + " was named again in " + (2012 + random.nextInt(14)) + ".", source));
        List<String> tags = List.of(pick(random, topics), pick(random, topics));
        return new Passage("syn-passage-" + i, name + ": " + pick(random, topics), Optional.empty(), Optional.empty(),
                Optional.empty(), text, tags, List.of(), List.of(), Optional.empty(), GENERATED);
    }

    private Event event(int i, int sourceCount) {
        Random random = new Random(seed * 2_000_003L + i);
        int year = 2012 + random.nextInt(14);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        String date = switch (random.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "%04d", year);
            case 1 -> String.format(Locale.ROOT, "%04d-%02d", year, month);
            default -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        };
        return new Event("syn-event-" + i, PartialDate.parse(date).orElseThrow(), pick(random, sentences),
                Optional.empty(), List.of(pick(random, topics)), List.of("syn-source-" + random.nextInt(sourceCount)),
                Optional.empty(), Optional.empty(), false, Optional.empty(), GENERATED);
    }

    private static Sentence sentence(String text, List<String> sources) {
        return new Sentence(text, Optional.empty(), sources, Optional.empty(), Optional.empty(), false, GENERATED);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> sentences(KnowledgeBase real) {
        List<String> out = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        List<String> texts = new ArrayList<>();
        real.passages().forEach(p -> texts.add(p.text()));
        real.events().forEach(e -> texts.add(e.text()));
        for (String text : texts) {
            breaks.setText(text);
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                String sentence = text.substring(start, end).strip();
                if (sentence.length() > 20) {
                    out.add(sentence);
                }
            }
        }
        return out.isEmpty() ? List.of("Nothing happened in Mali that day.") : List.copyOf(out);
    }

    /** The real items, then {@code extra} generated ones made on demand. */
    private static final class Concatenation<T> extends AbstractList<T> {
        private final List<T> real;
        private final int extra;
        private final java.util.function.IntFunction<T> make;

        Concatenation(List<T> real, int extra, java.util.function.IntFunction<T> make) {
            this.real = real;
            this.extra = extra;
            this.make = make;
        }

        @Override
        public T get(int index) {
            return index < real.size() ? real.get(index) : make.apply(index - real.size());
        }

        @Override
        public int size() {
            return real.size() + extra;
        }
    }
}
