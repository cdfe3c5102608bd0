package org.crisisdesk.answer;

import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.index.IndexedSentence;
import org.crisisdesk.index.Language;
import org.crisisdesk.index.TextAnalysis;

/**
 * A passage or an event as the sentence chooser matches questions against it, in one language: its title's terms
 * and each sentence's terms, alias terms included, an event's sentence preceded by its date in words ("what
 * happened on 1 July 2013?"). Analysed once per document and language and kept beside the document in
 * {@link StoredDocuments}, rather than for every question that reads it.
 *
 * @param datePrefix how many characters of each analysed sentence are the date, not shown in the sentence itself
 */
record AnalysedDocument(List<TextAnalysis.Token> title, List<List<TextAnalysis.Token>> sentences, int datePrefix) {

    AnalysedDocument {
        title = List.copyOf(title);
        sentences = List.copyOf(sentences);
    }

    static AnalysedDocument of(DocumentView view, Language language, TextAnalysis analysis) {
        String prefix = view.date().map(d -> d.display() + " " + d.display("fr") + " ").orElse("");
        List<List<TextAnalysis.Token>> sentences = new ArrayList<>();
        for (IndexedSentence sentence : view.sentences()) {
            sentences.add(analysis.tokens(prefix + sentence.text(language), true, language));
        }
        return new AnalysedDocument(analysis.tokens(view.title(language), true, language), sentences,
                prefix.length());
    }
}
