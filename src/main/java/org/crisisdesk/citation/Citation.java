package org.crisisdesk.citation;

import java.util.Optional;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Source;

/**
 * A numbered reference: {@code [n]} in a snippet resolves to this source. {@code date} is the publication date as
 * written, empty for a reference work without one; {@code kind} is the source's kind (primary, major, research,
 * press, reference, aggregator, propaganda); {@code via} the site a copy is hosted on.
 */
public record Citation(int n, String source, String title, String publisher, String date, String url, String kind,
        Optional<String> via) {

    public Citation(int n, String source, String title, String publisher, String date, String url) {
        this(n, source, title, publisher, date, url, "press", Optional.empty());
    }

    public static Citation of(int n, Source source) {
        return new Citation(n, source.id(), source.title(), source.publisher(),
                source.date().map(PartialDate::toString).orElse(""), source.url(), source.kind().label(), source.via());
    }
}
