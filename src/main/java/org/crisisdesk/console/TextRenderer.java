package org.crisisdesk.console;

import java.util.List;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.timeline.TimelineEvent;
import org.crisisdesk.timeline.TimelinePage;

/**
 * Plain-text rendering for terminals: the console and the command line's non-JSON output. Its own words come from
 * {@code console*.properties} in {@code language}; an answer's come in the answer's language.
 */
public final class TextRenderer {

    static final String BUNDLE = "org.crisisdesk.console.console";

    private final Texts texts;

    public TextRenderer() {
        this(Language.EN);
    }

    public TextRenderer(Language language) {
        this.texts = Texts.of(BUNDLE, language);
    }

    public String answer(Answer answer) {
        Texts words = Texts.of(BUNDLE, answer.language());
        StringBuilder out = new StringBuilder();
        if (!answer.answered()) {
            out.append(answer.message().orElse(words.get("answer.none"))).append('\n');
            if (!answer.suggestions().isEmpty()) {
                out.append(words.get("answer.nearest", String.join("; ", answer.suggestions()))).append('\n');
            }
            return out.toString();
        }
        answer.didYouMean().ifPresent(corrected -> out.append(words.get("answer.answering", corrected)).append('\n'));
        answer.reading().ifPresent(reading -> out.append(words.get("answer.readAs", reading)).append('\n'));
        for (Snippet snippet : answer.snippets()) {
            out.append("• ");
            snippet.title().ifPresent(title -> out.append(title).append(": "));
            out.append(snippet.textWithNote());
            for (int n : snippet.citations()) {
                out.append(" [").append(n).append(']');
            }
            out.append('\n');
        }
        out.append('\n');
        citations(out, answer.citations());
        answer.asOf().ifPresent(asOf -> out.append(words.get("answer.asOf", words.date(asOf))).append('\n'));
        if (answer.partial()) {
            out.append(words.get("answer.partial")).append('\n');
        }
        return out.toString();
    }

    public String timeline(TimelinePage page) {
        if (page.events().isEmpty()) {
            return texts.get(page.total() == 0 ? "timeline.none" : "timeline.noMore") + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (TimelineEvent event : page.events()) {
            out.append(String.format("%-10s  %s", event.date(), event.text(texts.language())));
            event.note(texts.language()).ifPresent(note -> out.append(" ⚖ ").append(note));
            out.append('\n');
            for (Citation citation : event.citations()) {
                out.append("            ").append(citationLine(citation)).append('\n');
            }
        }
        out.append(texts.get("timeline.page", page.offset() + 1, page.offset() + page.events().size(), page.total()))
                .append('\n');
        return out.toString();
    }

    public String sources(List<Source> sources, int offset, int total) {
        StringBuilder out = new StringBuilder();
        for (Source source : sources) {
            out.append(source.id()).append(": ").append(source.title()).append(", ").append(source.publisher())
                    .append(", ").append(source.date().map(Object::toString).orElseGet(() -> texts.get("sources.undated")))
                    .append(" <").append(source.url()).append(">\n");
        }
        if (sources.isEmpty()) {
            out.append(texts.get("sources.none")).append('\n');
        } else {
            out.append(texts.get("sources.page", offset + 1, offset + sources.size(), total)).append('\n');
        }
        return out.toString();
    }

    private static void citations(StringBuilder out, List<Citation> citations) {
        for (Citation citation : citations) {
            out.append('[').append(citation.n()).append("] ").append(citationLine(citation)).append('\n');
        }
    }

    private static String citationLine(Citation citation) {
        return citation.title() + ", " + citation.publisher() + ", " + citation.date() + " <" + citation.url() + ">";
    }
}
