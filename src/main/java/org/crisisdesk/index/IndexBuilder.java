package org.crisisdesk.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Month;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.crisisdesk.knowledge.Alias;
import org.crisisdesk.knowledge.Event;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Passage;

/** Writes a knowledge base into a new, empty directory as one Lucene commit. */
public final class IndexBuilder {

    private static final int PROGRESS_EVERY = 1000;
    /** Below this many documents one thread is as fast, and keeps document order equal to file order. */
    private static final long PARALLEL_FROM = 20_000;
    private static final String[] FRENCH_MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre"};

    private final Clock clock;

    public IndexBuilder(Clock clock) {
        this.clock = clock;
    }

    /** Builds into {@code directory}; on failure the partial commit is rolled back and the exception rethrown. */
    public IndexManifest build(KnowledgeBase kb, Path directory, ProgressListener progress) throws IOException {
        List<List<String>> aliasGroups = kb.aliases().stream().filter(a -> !a.synonym()).map(Alias::names).toList();
        List<List<String>> synonymGroups = kb.aliases().stream().filter(Alias::synonym).map(Alias::names).toList();
        TextAnalysis analysis = TextAnalysis.withAliases(aliasGroups, synonymGroups);
        IndexManifest manifest = new IndexManifest(IndexManifest.FORMAT, kb.fingerprint(), clock.instant(),
                kb.sources().size(), kb.passages().size(), kb.events().size(), aliasGroups, topics(kb),
                kb.base().asOf().map(PartialDate::toString).orElse(""), synonymGroups);
        IndexWriterConfig config = new IndexWriterConfig(analysis.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        long total = (long) kb.passages().size() + kb.events().size();
        try (Directory dir = FSDirectory.open(directory)) {
            IndexWriter writer = new IndexWriter(dir, config);
            try {
                addAll(writer, kb, total, progress);
                progress.progress("indexing", total, total);
                SourcesFile.write(dir, kb.sources());
                // A generation is never written to again, so it is merged into one segment: each question then
                // looks every term up once instead of once per segment (a million-passage answer took 13% less,
                // for about 15 s more building).
                progress.progress("merging into one segment", 0, 1);
                writer.forceMerge(1);
                progress.progress("merging into one segment", 1, 1);
                writer.setLiveCommitData(manifest.toCommitData().entrySet());
                writer.commit();
                writer.close();
            } catch (IOException | RuntimeException | Error e) {
                writer.rollback();
                throw e;
            }
        } finally {
            analysis.close();
        }
        return manifest;
    }

    /**
     * Adds every document. A large base is split into contiguous ranges written by one thread per core (IndexWriter
     * is thread-safe, and analysis is most of the cost); a small one is written by this thread alone, in order.
     */
    private static void addAll(IndexWriter writer, KnowledgeBase kb, long total, ProgressListener progress)
            throws IOException {
        int threads = total < PARALLEL_FROM ? 1 : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicLong done = new AtomicLong();
        if (threads == 1) {
            addRange(writer, kb, 0, total, done, total, progress);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "crisisdesk-indexing");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> parts = new ArrayList<>();
            long step = (total + threads - 1) / threads;
            for (long start = 0; start < total; start += step) {
                long from = start;
                long to = Math.min(total, start + step);
                parts.add(pool.submit(() -> {
                    addRange(writer, kb, from, to, done, total, progress);
                    return null;
                }));
            }
            for (Future<Void> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("indexing was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Documents {@code from} (inclusive) to {@code to} of the sequence passages, events. */
    private static void addRange(IndexWriter writer, KnowledgeBase kb, long from, long to, AtomicLong done, long total,
            ProgressListener progress) throws IOException {
        int passages = kb.passages().size();
        for (long i = from; i < to; i++) {
            Document document = i < passages
                    ? passageDocument(kb.passages().get((int) i))
                    : eventDocument(kb.events().get((int) (i - passages)));
            writer.addDocument(document);
            long count = done.incrementAndGet();
            if (count % PROGRESS_EVERY == 0) {
                progress.progress("indexing", count, total);
            }
        }
    }

    private static Document passageDocument(Passage passage) {
        Document doc = common(Fields.KIND_PASSAGE, passage.id(), passage.text(), passage.text("fr"),
                passage.sources(), passage.tags());
        doc.add(new TextField(Fields.TITLE, passage.title(), Field.Store.YES));
        doc.add(new TextField(Fields.TITLE_FR, passage.title("fr"), Field.Store.YES));
        passage.about().ifPresent(about -> doc.add(new StringField(Fields.ABOUT, about.label(), Field.Store.YES)));
        passage.asOf().ifPresent(asOf -> doc.add(new StoredField(Fields.AS_OF, asOf.toString())));
        doc.add(new StoredField(Fields.SENTENCES,
                IndexedSentence.encode(passage.sentences().stream().map(IndexedSentence::of).toList())));
        for (String question : passage.questions()) {
            doc.add(new StoredField(Fields.QUESTIONS, question));
        }
        List<String> extra = new ArrayList<>(passage.questions());
        extra.addAll(passage.keywords());
        extra.addAll(passage.tags());
        addSearched(doc, passage.title(), passage.title("fr"), passage.text(), passage.text("fr"), extra);
        return doc;
    }

    private static Document eventDocument(Event event) {
        Document doc = common(Fields.KIND_EVENT, event.id(), event.text(), event.text("fr"), event.sources(),
                event.topics());
        PartialDate date = event.date();
        doc.add(new StoredField(Fields.DATE, date.toString()));
        doc.add(new StoredField(Fields.PRECISION, date.precision().label()));
        int start = (int) date.start().toEpochDay();
        int end = (int) date.end().toEpochDay();
        doc.add(new IntPoint(Fields.DATE_START, start));
        doc.add(new IntPoint(Fields.DATE_END, end));
        doc.add(new NumericDocValuesField(Fields.DATE_SORT, start));
        List<String> extra = new ArrayList<>(event.topics());
        extra.add(date.display());
        if (date.precision() != PartialDate.Precision.YEAR) {
            extra.add(FRENCH_MONTHS[date.month() - 1] + " " + date.year());
            extra.add(Month.of(date.month()).name().toLowerCase(java.util.Locale.ROOT) + " " + date.year());
        }
        addSearched(doc, "", "", event.text(), event.text("fr"), extra);
        event.note().ifPresent(note -> doc.add(new StoredField(Fields.NOTE, note)));
        event.noteFr().ifPresent(note -> doc.add(new StoredField(Fields.NOTE_FR, note)));
        if (event.unconfirmed()) {
            doc.add(new StoredField(Fields.UNCONFIRMED, "true"));
        }
        return doc;
    }

    private static Document common(String kind, String id, String text, String textFr, List<String> sources,
            List<String> topics) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KIND, kind, Field.Store.YES));
        doc.add(new StringField(Fields.ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.ID_SORT, new BytesRef(id)));
        // Stored only: the text is searched through ALL and ALL_FR, and answers analyse the chosen sentences again.
        doc.add(new StoredField(Fields.TEXT, text));
        doc.add(new StoredField(Fields.TEXT_FR, textFr));
        for (String source : sources) {
            doc.add(new StoredField(Fields.SOURCE, source));
        }
        for (String topic : topics) {
            doc.add(new StoredField(Fields.TOPIC_LABEL, topic));
            doc.add(new StringField(Fields.TOPIC, TextAnalysis.keyword(topic), Field.Store.NO));
        }
        return doc;
    }

    /**
     * The searched fields: the English title, text and extra words analysed the English way in {@link Fields#ALL},
     * the French ones the French way in {@link Fields#ALL_FR}. The extra words (questions, keywords, tags) are in
     * both: curators write them in either language.
     */
    private static void addSearched(Document doc, String title, String titleFr, String text, String textFr,
            List<String> extra) {
        String extraText = String.join(" . ", extra);
        if (!extraText.isEmpty()) {
            doc.add(new TextField(Fields.EXTRA, extraText, Field.Store.NO));
        }
        for (String[] field : new String[][] {{Fields.ALL, title, text}, {Fields.ALL_FR, titleFr, textFr}}) {
            if (!field[1].isEmpty()) {
                doc.add(new TextField(field[0], field[1], Field.Store.NO));
            }
            doc.add(new TextField(field[0], field[2], Field.Store.NO));
            if (!extraText.isEmpty()) {
                doc.add(new TextField(field[0], extraText, Field.Store.NO));
            }
        }
    }

    /** Distinct topics and tags, most used first, for suggestions and autocomplete. */
    private static List<String> topics(KnowledgeBase kb) {
        Map<String, String> labels = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        List<List<String>> all = new ArrayList<>();
        kb.passages().forEach(p -> all.add(p.tags()));
        kb.events().forEach(e -> all.add(e.topics()));
        for (List<String> topics : all) {
            for (String topic : topics) {
                String key = TextAnalysis.keyword(topic);
                labels.putIfAbsent(key, topic);
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> labels.get(e.getKey()))
                .toList();
    }
}
