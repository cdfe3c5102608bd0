package org.crisisdesk.discord;

import org.crisisdesk.index.Language;
import org.crisisdesk.i18n.Texts;
import org.javacord.api.interaction.InteractionBase;

/** The language of an interaction's user, from the Discord client's locale ("fr", "en-US", …). */
final class Locales {

    private Locales() {
    }

    /** French for a French client, English for every other. */
    static Language of(InteractionBase interaction) {
        return Language.parse(interaction.getLocale().getLocaleCode()).orElse(Language.EN);
    }

    static Texts texts(InteractionBase interaction) {
        return Texts.of(of(interaction));
    }
}
