package org.crisisdesk.i18n;

import java.text.MessageFormat;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;

/**
 * The bot's words in one language, from {@code messages*.properties} beside this class (or another bundle: the
 * console has its own): nothing a user reads is written in the code. Dates are written as that language's readers
 * write them.
 */
public final class Texts {

    private static final String BUNDLE = "org.crisisdesk.discord.render.messages";

    private final Language language;
    private final Locale locale;
    private final ResourceBundle bundle;

    private Texts(String bundleName, Language language) {
        this.language = language;
        this.locale = language == Language.FR ? Locale.FRENCH : Locale.ENGLISH;
        // No fallback to the JVM's default locale: English must not turn French on a French host.
        this.bundle = ResourceBundle.getBundle(bundleName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The Discord bot's words. */
    public static Texts of(Language language) {
        return new Texts(BUNDLE, language);
    }

    /** The words of another front end, from the bundle {@code bundleName} ("org.crisisdesk.console.console"). */
    public static Texts of(String bundleName, Language language) {
        return new Texts(bundleName, language);
    }

    public Language language() {
        return language;
    }

    /** The text under {@code key}, its {@code {n}} arguments filled in. */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** {@code 18 August 2020} or {@code 18 août 2020}; {@code March 2021}; {@code 2021}. */
    public String date(PartialDate date) {
        return date.display(language.code());
    }

    /** The compact form a list of dates reads best in: {@code 18 Aug 2020}, {@code 18 août 2020}. */
    public String shortDate(PartialDate date) {
        if (language == Language.FR) {
            return date.display("fr");
        }
        String month = date.precision() == PartialDate.Precision.YEAR ? ""
                : Month.of(date.month()).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return switch (date.precision()) {
            case YEAR -> Integer.toString(date.year());
            case MONTH -> month + " " + date.year();
            case DAY -> date.day() + " " + month + " " + date.year();
        };
    }
}
