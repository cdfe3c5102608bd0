package org.crisisdesk.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.citation.CitationNumbering;
import org.crisisdesk.index.IndexedSentence;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.DanglingStart;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Source;

/**
 * Turns chosen sentences into snippets: the answering sentence first (after the sentence before it when it opens
 * with a pronoun and would not say who or what), a second sentence of the same text when it answers nearly as well,
 * the answer itself marked for bold, and only the shown sentences' sources and notes. One per answer: it numbers the
 * answer's citations.
 */
final class SnippetBuilder {

    /** A second sentence of the same text is shown when it scores at least this share of the first. */
    static final double SECOND_SENTENCE = 0.85;
    /** The same, for a sentence with the kind of answer asked for when the first has none. */
    static final double TYPED_SECOND_SENTENCE = 0.5;
    /** Sentences of a passage shown for a list question. */
    private static final int LIST_SENTENCES = 4;

    /** Questions whose answer is a description rather than one fact: shown with the sentence that follows. */
    private static final Set<AnswerType> TELLS_MORE = Set.of(AnswerType.DEFINITION, AnswerType.GENERAL);

    /** A snippet whose words are mostly in one already shown says nothing new. */
    private static final double REPEAT = 0.7;

    private final Question question;
    private final Language language;
    private final CitationNumbering numbering;
    private final Map<String, Source> sources;

    SnippetBuilder(Question question, CitationNumbering numbering, Map<String, Source> sources) {
        this.question = question;
        this.language = question.language();
        this.numbering = numbering;
        this.sources = sources;
    }

    Snippet build(SentenceChooser.Scored best, List<SentenceChooser.Scored> all) {
        DocumentView view = best.candidate().view();
        List<IndexedSentence> sentences = view.sentences();
        int answering = best.sentence();
        List<Integer> shown = new ArrayList<>();
        if (answering > 0 && DanglingStart.of(sentences.get(answering).en()).isPresent()) {
            shown.add(answering - 1);
        }
        shown.add(answering);
        if (question.type() == AnswerType.LIST) {
            // A list is usually spread over a passage's sentences in order (the heads of state, the coups).
            for (int next = answering + 1; next < sentences.size() && shown.size() < LIST_SENTENCES; next++) {
                shown.add(next);
            }
            return assemble(view, shown, answering, all);
        }
        // A sentence holding all the question's words but not the kind of answer asked for ("jihadists attacked the
        // Kati camp" for "who attacked Kati?") is shown with the one of its text that holds it ("Katiba Macina
        // claimed the attack"), at a lower bar than any other second sentence.
        boolean wantsTyped = TypeEvidence.shaped(question.type()) && !best.typed();
        Optional<SentenceChooser.Scored> second = all.stream()
                .filter(s -> s.candidate().view().id().equals(view.id()) && !shown.contains(s.sentence())
                        && (s.score() >= SECOND_SENTENCE * best.score()
                                || wantsTyped && s.typed() && s.score() >= TYPED_SECOND_SENTENCE * best.score()))
                .max(Comparator.comparingDouble(SentenceChooser.Scored::score));
        if (second.isPresent()) {
            shown.add(second.get().sentence());
        } else if (TELLS_MORE.contains(question.type()) && answering + 1 < sentences.size()) {
            // "Who is X", "what happened at Y": the sentence after the answer usually says what it led to or what
            // X is known for, and one sentence alone reads as half an answer.
            shown.add(answering + 1);
        }
        return assemble(view, shown, answering, all);
    }

    /** A whole event (or a passage's first sentence) as a snippet: for lists and the latest news. */
    Snippet whole(DocumentView view) {
        return assemble(view, List.of(0), 0, List.of());
    }

    /** Dated events as one list, in the order given, each item a snippet of its own. */
    Snippet list(List<SentenceChooser.Scored> events) {
        List<Snippet> items = new ArrayList<>();
        for (SentenceChooser.Scored event : events) {
            items.add(assemble(event.candidate().view(), List.of(0), 0, events));
        }
        StringBuilder text = new StringBuilder();
        List<Integer> citations = new ArrayList<>();
        for (Snippet item : items) {
            text.append(text.length() == 0 ? "" : "\n").append(item.text());
            item.citations().stream().filter(n -> !citations.contains(n)).forEach(citations::add);
        }
        return new Snippet(text.toString(), Optional.empty(), citations, items.get(0).id(), Snippet.Kind.LIST,
                Optional.empty(), List.of(), List.of(), Optional.empty(), false, Optional.empty(), items);
    }

    private Snippet assemble(DocumentView view, List<Integer> shown, int answering,
            List<SentenceChooser.Scored> scored) {
        StringBuilder text = new StringBuilder();
        List<Snippet.Highlight> highlights = new ArrayList<>();
        List<Snippet.Highlight> answer = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean unconfirmed = false;
        Optional<PartialDate> date = view.event() ? view.date() : Optional.empty();
        if (date.isPresent()) {
            String shownDate = date.get().display(language.code());
            if (question.type() == AnswerType.DATE) {
                answer.add(new Snippet.Highlight(0, shownDate.length()));
            }
            text.append(shownDate).append(": ");
        }
        for (int index : shown) {
            IndexedSentence sentence = view.sentences().get(index);
            unconfirmed |= sentence.unconfirmed();
            if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
            if (sentence.unconfirmed()) {
                text.append(EngineMessages.get(language, "unconfirmed")).append(' ');
            }
            int offset = text.length();
            String body = sentence.text(language);
            text.append(body);
            for (SentenceChooser.Scored s : scored) {
                if (s.candidate().view().id().equals(view.id()) && s.sentence() == index) {
                    s.highlights().forEach(h -> highlights.add(new Snippet.Highlight(h.start() + offset,
                            h.end() + offset)));
                }
            }
            if (index == answering && !(view.event() && question.type() == AnswerType.DATE)) {
                TypeEvidence.spans(question.type(), body).forEach(h -> answer.add(new Snippet.Highlight(
                        h.start() + offset, h.end() + offset)));
            }
            for (String source : ordered(sentence.sources())) {
                if (!cited.contains(source)) {
                    cited.add(source);
                }
            }
            sentence.note(language).ifPresent(notes::add);
        }
        List<Integer> citations = numbering.cite(cited);
        Optional<String> title = view.event() ? Optional.empty() : Optional.of(view.title(language));
        return new Snippet(text.toString(), title, citations, view.id(),
                view.event() ? Snippet.Kind.EVENT : Snippet.Kind.PASSAGE, date, SentenceChooser.merge(highlights),
                SentenceChooser.merge(answer), notes.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", notes)),
                unconfirmed, view.asOf(), List.of());
    }

    /** A sentence's sources, those in the answer's language first when answering in French (else as written). */
    private List<String> ordered(List<String> ids) {
        if (language != Language.FR) {
            return ids;
        }
        List<String> french = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String id : ids) {
            Source source = sources.get(id);
            (source != null && "fr".equals(source.language()) ? french : other).add(id);
        }
        french.addAll(other);
        return french;
    }

    /** Whether the sentence says little that a snippet already shown does not. */
    boolean repeats(SentenceChooser.Scored candidate, List<Snippet> shown) {
        Set<String> words = words(candidate.candidate().view().sentences().get(candidate.sentence()).text(language));
        if (words.isEmpty()) {
            return false;
        }
        for (Snippet snippet : shown) {
            Set<String> seen = words(snippet.text());
            long common = words.stream().filter(seen::contains).count();
            if (common >= REPEAT * words.size()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 4) {
                words.add(word);
            }
        }
        return words;
    }
}
