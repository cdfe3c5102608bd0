package org.crisisdesk.citation;

import org.crisisdesk.knowledge.Source;

/** A numbered reference: {@code [n]} in a snippet resolves to this source. */
public record Citation(int n, String source, String title, String publisher, String date, String url) {

    public static Citation of(int n, Source source) {
        return new Citation(n, source.id(), source.title(), source.publisher(), source.date().toString(), source.url());
    }
}
