package org.crisisdesk.discord;

import org.javacord.api.interaction.AutocompleteInteraction;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;

/** One slash command: how it is registered, what it does, and the buttons and autocompletion it owns. */
interface BotCommand {

    String name();

    SlashCommandBuilder definition();

    void handle(SlashCommandInteraction interaction);

    default void autocomplete(AutocompleteInteraction interaction) {
        interaction.respondWithChoices(java.util.List.of());
    }

    /** Handles a click on one of this command's buttons; false when the button is not this command's. */
    default boolean onButton(ButtonInteraction interaction) {
        return false;
    }
}
