package org.crisisdesk.knowledge;

import java.util.Optional;

/**
 * What the curators say of the knowledge base as a whole.
 *
 * @param asOf     the date of the latest reporting the base was reviewed against: what users are told the answers
 *                 are current to
 * @param reviewed when that review was made
 */
public record BaseInfo(Optional<PartialDate> asOf, Optional<PartialDate> reviewed) {

    public static final BaseInfo UNKNOWN = new BaseInfo(Optional.empty(), Optional.empty());
}
