package org.crisisdesk.answer;

import java.util.Optional;
import org.crisisdesk.index.Language;

/**
 * A question with what its front end knows around it.
 *
 * @param context  the conversation so far, for a follow-up question
 * @param language the language to answer in when the question itself does not show one (Discord's locale, the
 *                 console's {@code /lang})
 */
public record AskRequest(String question, Optional<AskContext> context, Optional<Language> language) {

    public static AskRequest of(String question) {
        return new AskRequest(question, Optional.empty(), Optional.empty());
    }

    public AskRequest withContext(AskContext newContext) {
        return new AskRequest(question, Optional.ofNullable(newContext), language);
    }

    public AskRequest withLanguage(Language newLanguage) {
        return new AskRequest(question, context, Optional.ofNullable(newLanguage));
    }
}
