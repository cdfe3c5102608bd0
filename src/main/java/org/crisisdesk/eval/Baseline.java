package org.crisisdesk.eval;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.crisisdesk.knowledge.Event;
import org.crisisdesk.knowledge.KnowledgeBase;
import org.crisisdesk.knowledge.Passage;

/**
 * The plain baseline every feature is measured against: Lucene's standard analyzer and BM25 over the texts of
 * passages and events only (no titles, questions, keywords, aliases, folding, stemming or abstention); its top three
 * hits are its answer.
 */
final class Baseline implements Closeable {

    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    Baseline(KnowledgeBase kb) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Passage passage : kb.passages()) {
                writer.addDocument(document(passage.id(), passage.text()));
            }
            for (Event event : kb.events()) {
                writer.addDocument(document(event.id(), event.text()));
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    private static Document document(String id, String text) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new TextField("text", text, Field.Store.YES));
        return doc;
    }

    Ranking ask(String question) throws IOException {
        Query query = new QueryBuilder(analyzer).createBooleanQuery("text", question, BooleanClause.Occur.SHOULD);
        if (query == null) {
            return new Ranking(false, List.of());
        }
        List<Ranking.Hit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query, 3).scoreDocs) {
            Document doc = stored.document(hit.doc);
            hits.add(new Ranking.Hit(doc.get("id"), doc.get("text")));
        }
        return new Ranking(!hits.isEmpty(), hits);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
