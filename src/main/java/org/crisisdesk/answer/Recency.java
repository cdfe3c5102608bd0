package org.crisisdesk.answer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.crisisdesk.index.Fields;
import org.crisisdesk.knowledge.PartialDate;

/**
 * How recent a text is, within one generation: 0 for the start of the crisis (January 2012), 1 for the latest event
 * in the base. Questions about the present ("who leads Mali now?") prefer recent texts by it; "what's the latest"
 * lists the newest events.
 */
final class Recency {

    private static final LocalDate ORIGIN = LocalDate.of(2012, 1, 1);
    /** The newest events, newest first, read once per generation. */
    private static final int KEPT = 10;

    private final long latestDay;
    private final int[] latestEvents;

    private Recency(long latestDay, int[] latestEvents) {
        this.latestDay = latestDay;
        this.latestEvents = latestEvents;
    }

    static Recency of(IndexSearcher searcher) throws IOException {
        TopDocs newest = searcher.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_EVENT)), KEPT,
                new Sort(new SortField(Fields.DATE_SORT, SortField.Type.INT, true)));
        int[] docs = Arrays.stream(newest.scoreDocs).mapToInt(hit -> hit.doc).toArray();
        long latest = ORIGIN.toEpochDay() + 1;
        if (newest.scoreDocs.length > 0) {
            ScoreDoc first = newest.scoreDocs[0];
            Object value = ((org.apache.lucene.search.FieldDoc) first).fields[0];
            latest = Math.max(latest, ((Number) value).longValue());
        }
        return new Recency(latest, docs);
    }

    /** 0..1: how close {@code date} is to the latest event; 0 for an undated text. */
    double of(Optional<PartialDate> date) {
        if (date.isEmpty()) {
            return 0;
        }
        double span = latestDay - ORIGIN.toEpochDay();
        double at = date.get().start().toEpochDay() - ORIGIN.toEpochDay();
        return Math.max(0, Math.min(1, at / span));
    }

    /** The ids of the {@code n} newest events, newest first. */
    int[] latestEvents(int n) {
        return Arrays.copyOf(latestEvents, Math.min(n, latestEvents.length));
    }
}
