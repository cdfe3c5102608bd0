package org.crisisdesk.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Where facts come from: every sentence and event cites at least one.
 *
 * @param publisher who published the text (the original publisher when the link is a copy)
 * @param kind      what kind of publisher that is; decides the tier
 * @param via       the site the link points at, when it is a copy of the publisher's text
 * @param date      when it was published; absent only for reference works, which have no single date
 * @param accessed  when a curator read it, when recorded
 */
public record Source(
        String id,
        String title,
        String publisher,
        SourceKind kind,
        Optional<String> via,
        List<String> authors,
        Optional<PartialDate> date,
        Optional<PartialDate> accessed,
        String url,
        String language,
        Origin origin) {

    public Source {
        authors = List.copyOf(authors);
    }

    /**
     * First tier: a primary document, a wire or major outlet, or research, including a faithful copy of one whose
     * publisher and date are recorded.
     */
    public boolean firstTier() {
        return kind.firstTier() && date.isPresent();
    }
}
