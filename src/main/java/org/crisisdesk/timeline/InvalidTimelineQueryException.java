package org.crisisdesk.timeline;

/** A user gave dates that cannot make a timeline (malformed, or "from" after "to"). */
public final class InvalidTimelineQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTimelineQueryException(String message) {
        super(message);
    }
}
