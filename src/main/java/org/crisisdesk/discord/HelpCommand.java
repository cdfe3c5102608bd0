package org.crisisdesk.discord;

import org.crisisdesk.discord.render.NoticeRenderer;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;

/** {@code /help}: what the bot does and how to ask. */
final class HelpCommand implements BotCommand {

    private final boolean questionChannel;
    private final boolean cooldown;
    private final NoticeRenderer notices = new NoticeRenderer();

    HelpCommand(boolean questionChannel, boolean cooldown) {
        this.questionChannel = questionChannel;
        this.cooldown = cooldown;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public SlashCommandBuilder definition() {
        return SlashCommand.with(name(), "What crisisdesk does and how to ask it");
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        Replies.fill(interaction.createImmediateResponder(), notices.help(questionChannel, cooldown)).respond();
    }
}
