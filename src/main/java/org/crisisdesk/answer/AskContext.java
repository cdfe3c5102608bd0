package org.crisisdesk.answer;

import org.crisisdesk.index.Language;

/**
 * What a conversation has said so far, for a follow-up question ("when did it end?"): the previous question and
 * what its answer was about. Front ends keep one per conversation (the console's last question, a Discord reply
 * chain or thread) for a limited time.
 *
 * @param subject  what the previous answer was about ({@link Answer#subject()}, else the previous question)
 * @param language the language the conversation is in
 */
public record AskContext(String previousQuestion, String subject, Language language) {

    /** The context an answer leaves for the next question. */
    public static AskContext after(Answer answer) {
        return new AskContext(answer.reading().orElse(answer.question()),
                answer.subject().orElse(answer.reading().orElse(answer.question())), answer.language());
    }
}
