package org.crisisdesk.answer;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.citation.Citation;

/**
 * What the engine says to a question: cited snippets when it is confident enough, otherwise a plain statement
 * that it has no sourced answer ({@code message}) and the nearest topics it does know about. {@code didYouMean}
 * is the question as the engine read it when it had to guess a misspelt word.
 */
public record Answer(
        String question,
        boolean answered,
        double confidence,
        List<Snippet> snippets,
        List<Citation> citations,
        Optional<String> message,
        List<String> suggestions,
        Optional<String> didYouMean) {

    public Answer {
        snippets = List.copyOf(snippets);
        citations = List.copyOf(citations);
        suggestions = List.copyOf(suggestions);
    }

    static Answer refused(String question, double confidence, String message, List<String> suggestions) {
        return new Answer(question, false, confidence, List.of(), List.of(), Optional.of(message), suggestions,
                Optional.empty());
    }
}
