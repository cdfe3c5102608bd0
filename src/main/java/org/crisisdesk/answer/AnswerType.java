package org.crisisdesk.answer;

import java.util.Locale;

/** What kind of thing a question asks for, read from its question word and focus. */
public enum AnswerType {
    /** who: a name. */
    PERSON,
    /** when: a date. */
    DATE,
    /** where: a place. */
    PLACE,
    /** how many, how much: a number. */
    NUMBER,
    /** why, what caused: a cause. */
    REASON,
    /** how did, how does: a way, a process. */
    MANNER,
    /** what is, who are, tell me about: what something is. */
    DEFINITION,
    /** list, which countries, how many … since: several items, in order. */
    LIST,
    /** X vs Y, the difference between X and Y: both sides. */
    COMPARISON,
    /** what's the latest, what is happening now: the most recent facts. */
    LATEST,
    /** anything else. */
    GENERAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
