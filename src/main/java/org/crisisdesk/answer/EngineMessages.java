package org.crisisdesk.answer;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.crisisdesk.index.Language;

/** The engine's own words (refusals, labels), in the answer's language, from {@code messages*.properties}. */
final class EngineMessages {

    private EngineMessages() {
    }

    static String get(Language language, String key, Object... arguments) {
        Locale locale = language == Language.FR ? Locale.FRENCH : Locale.ENGLISH;
        String pattern = ResourceBundle.getBundle("org.crisisdesk.answer.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
