package org.crisisdesk.knowledge;

import java.util.List;

/** Where facts come from: every passage and event cites at least one. */
public record Source(
        String id,
        String title,
        String publisher,
        List<String> authors,
        PartialDate date,
        String url,
        String language,
        Origin origin) {

    public Source {
        authors = List.copyOf(authors);
    }
}
