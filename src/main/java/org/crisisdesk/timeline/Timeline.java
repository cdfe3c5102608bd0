package org.crisisdesk.timeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.crisisdesk.citation.CitationNumbering;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.GenerationManager;
import org.crisisdesk.knowledge.PartialDate;

/** Dated events in order, filtered by period and topic, read from the generation in service. */
public final class Timeline {

    private static final Sort DATE_ORDER = new Sort(
            new SortField(Fields.DATE_SORT, SortField.Type.LONG),
            new SortField(Fields.ID_SORT, SortField.Type.STRING));

    private final GenerationManager generations;

    public Timeline(GenerationManager generations) {
        this.generations = generations;
    }

    /** Parses user dates into a query, with messages fit to show the user when they are wrong. */
    public static TimelineQuery query(String from, String to, String topic, int offset, int limit)
            throws InvalidTimelineQueryException {
        Optional<PartialDate> start = date("from", from);
        Optional<PartialDate> end = date("to", to);
        if (start.isPresent() && end.isPresent() && start.get().start().isAfter(end.get().end())) {
            throw new InvalidTimelineQueryException("'from' (" + start.get() + ") is after 'to' (" + end.get() + ")");
        }
        return new TimelineQuery(start, end, Optional.ofNullable(topic), offset, limit);
    }

    private static Optional<PartialDate> date(String name, String text) throws InvalidTimelineQueryException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<PartialDate> date = PartialDate.parse(text);
        if (date.isEmpty()) {
            throw new InvalidTimelineQueryException("'" + name + "' must be a date written YYYY, YYYY-MM or YYYY-MM-DD"
                    + " (for example 2020, 2020-08 or 2020-08-18), not '" + abbreviate(text) + "'");
        }
        return date;
    }

    public TimelinePage find(TimelineQuery query) {
        return generations.read(generation -> find(query, generation));
    }

    /** The topics events and passages are filed under, most used first. */
    public List<String> topics() {
        return generations.read(generation -> generation.manifest().topics());
    }

    private static TimelinePage find(TimelineQuery query, Generation generation) throws IOException {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_EVENT)), BooleanClause.Occur.FILTER);
        query.from().ifPresent(from -> filter.add(IntPoint.newRangeQuery(Fields.DATE_END,
                (int) from.start().toEpochDay(), Integer.MAX_VALUE), BooleanClause.Occur.FILTER));
        query.to().ifPresent(to -> filter.add(IntPoint.newRangeQuery(Fields.DATE_START,
                Integer.MIN_VALUE, (int) to.end().toEpochDay()), BooleanClause.Occur.FILTER));
        query.topic().ifPresent(topic -> filter.add(topicQuery(topic, generation), BooleanClause.Occur.FILTER));
        IndexSearcher searcher = generation.searcher();
        int wanted = (int) Math.min((long) query.offset() + query.limit(), Integer.MAX_VALUE - 1);
        TopDocs docs = searcher.search(filter.build(), new TopFieldCollectorManager(DATE_ORDER, wanted, null,
                Integer.MAX_VALUE, false));
        int total = (int) docs.totalHits.value;
        StoredFields stored = searcher.storedFields();
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = query.offset(); i < docs.scoreDocs.length; i++) {
            ScoreDoc hit = docs.scoreDocs[i];
            events.add(event(stored.document(hit.doc), generation));
        }
        return new TimelinePage(events, total, query.offset());
    }

    /** A topic matches itself or any name of an alias it belongs to (CEDEAO finds events filed under ECOWAS). */
    private static org.apache.lucene.search.Query topicQuery(String topic, Generation generation) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String keyword : generation.analysis().sameTopic(topic)) {
            any.add(new TermQuery(new Term(Fields.TOPIC, keyword)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    private static TimelineEvent event(Document doc, Generation generation) {
        CitationNumbering numbering = new CitationNumbering(generation.sources());
        numbering.cite(List.of(doc.getValues(Fields.SOURCE)));
        PartialDate date = PartialDate.parse(doc.get(Fields.DATE))
                .orElseThrow(() -> new IllegalStateException("damaged event date in index: " + doc.get(Fields.DATE)));
        return new TimelineEvent(doc.get(Fields.ID), date, doc.get(Fields.TEXT), List.of(doc.getValues(Fields.TOPIC_LABEL)),
                Optional.ofNullable(doc.get(Fields.NOTE)), numbering.citations(),
                Optional.ofNullable(doc.get(Fields.TEXT_FR)), Optional.ofNullable(doc.get(Fields.NOTE_FR)));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
