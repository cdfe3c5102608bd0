package org.crisisdesk.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.javacord.api.DiscordApi;
import org.javacord.api.interaction.ApplicationCommand;
import org.javacord.api.interaction.AutocompleteInteraction;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every command in one place: registers them with Discord and routes interactions to the one they belong to. */
final class CommandRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    private final Map<String, BotCommand> commands = new LinkedHashMap<>();
    private final NoticeRenderer notices = new NoticeRenderer();

    CommandRegistry(List<BotCommand> commands) {
        for (BotCommand command : commands) {
            if (this.commands.putIfAbsent(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands named " + command.name());
            }
        }
    }

    Set<String> names() {
        return commands.keySet();
    }

    /** Replaces the registered commands with ours: on one server when given (instant), globally otherwise. */
    CompletableFuture<Set<ApplicationCommand>> register(DiscordApi api, Optional<Long> guild) {
        Set<SlashCommandBuilder> definitions = commands.values().stream().map(BotCommand::definition)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        LOG.info("registering /{} {}", String.join(", /", commands.keySet()),
                guild.map(id -> "on server " + id).orElse("globally"));
        return guild.isPresent()
                ? api.bulkOverwriteServerApplicationCommands(guild.get(), definitions)
                : api.bulkOverwriteGlobalApplicationCommands(definitions);
    }

    void onSlashCommand(SlashCommandInteraction interaction) {
        BotCommand command = commands.get(interaction.getCommandName());
        if (command == null) {
            Replies.fill(interaction.createImmediateResponder(),
                    notices.notice(Locales.texts(interaction), "notice.unknownCommand"))
                    .respond();
            return;
        }
        guard(command.name(), () -> command.handle(interaction));
    }

    void onAutocomplete(AutocompleteInteraction interaction) {
        BotCommand command = commands.get(interaction.getCommandName());
        if (command != null) {
            guard(command.name() + " autocomplete", () -> command.autocomplete(interaction));
        }
    }

    void onButton(ButtonInteraction interaction) {
        for (BotCommand command : commands.values()) {
            boolean[] handled = new boolean[1];
            guard(command.name() + " button", () -> handled[0] = command.onButton(interaction));
            if (handled[0]) {
                return;
            }
        }
        Replies.fill(interaction.createImmediateResponder(),
                notices.notice(Locales.texts(interaction), "notice.oldButton")).respond();
    }

    private static void guard(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("/{} failed", what, e);
        }
    }
}
