package org.crisisdesk.console;

import java.util.List;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.timeline.TimelineEvent;
import org.crisisdesk.timeline.TimelinePage;

/** Plain-text rendering for terminals: the console and the command line's non-JSON output. */
public final class TextRenderer {

    public String answer(Answer answer) {
        StringBuilder out = new StringBuilder();
        if (!answer.answered()) {
            out.append(answer.message().orElse("I have no sourced answer to that.")).append('\n');
            if (!answer.suggestions().isEmpty()) {
                out.append("Nearest topics I know about: ").append(String.join("; ", answer.suggestions())).append('\n');
            }
            return out.toString();
        }
        answer.didYouMean().ifPresent(corrected -> out.append("(Answering: ").append(corrected).append(")\n"));
        answer.reading().ifPresent(reading -> out.append("(Read as: ").append(reading).append(")\n"));
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
        answer.asOf().ifPresent(asOf -> out.append("(As of ").append(asOf.display()).append(")\n"));
        out.append(String.format(java.util.Locale.ROOT, "(confidence %.2f)%n", answer.confidence()));
        return out.toString();
    }

    public String timeline(TimelinePage page) {
        if (page.events().isEmpty()) {
            return page.total() == 0 ? "No dated events match.\n" : "No more events.\n";
        }
        StringBuilder out = new StringBuilder();
        for (TimelineEvent event : page.events()) {
            out.append(String.format("%-10s  %s", event.date(), event.text()));
            event.note().ifPresent(note -> out.append(" Note: ").append(note));
            out.append('\n');
            for (Citation citation : event.citations()) {
                out.append("            ").append(citationLine(citation)).append('\n');
            }
        }
        out.append(String.format("%d–%d of %d events%n", page.offset() + 1, page.offset() + page.events().size(),
                page.total()));
        return out.toString();
    }

    public String sources(List<Source> sources, int offset, int total) {
        StringBuilder out = new StringBuilder();
        for (Source source : sources) {
            out.append(source.id()).append(": ").append(source.title()).append(", ").append(source.publisher())
                    .append(", ").append(source.date().map(Object::toString).orElse("undated")).append(" <").append(source.url()).append(">\n");
        }
        if (sources.isEmpty()) {
            out.append("No sources.\n");
        } else {
            out.append(String.format("%d–%d of %d sources%n", offset + 1, offset + sources.size(), total));
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
