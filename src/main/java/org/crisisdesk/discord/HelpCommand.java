package org.crisisdesk.discord;

import java.util.Optional;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.timeline.TimelineQuery;
import org.javacord.api.interaction.DiscordLocale;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;

/**
 * {@code /help}: what the bot does, three questions to try, the period covered and the knowledge base's as-of
 * date, and only the commands this user may run.
 */
final class HelpCommand implements BotCommand {

    private final Engine engine;
    private final AdminPolicy admins;
    private final boolean questionChannel;
    private final boolean cooldown;
    private final NoticeRenderer notices = new NoticeRenderer();

    HelpCommand(Engine engine, AdminPolicy admins, boolean questionChannel, boolean cooldown) {
        this.engine = engine;
        this.admins = admins;
        this.questionChannel = questionChannel;
        this.cooldown = cooldown;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public SlashCommandBuilder definition() {
        return SlashCommand.with(name(), Texts.of(Language.EN).get("command.help"))
                .addDescriptionLocalization(DiscordLocale.FRENCH, Texts.of(Language.FR).get("command.help"));
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        Optional<PartialDate> first = engine.timeline(new TimelineQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 1)).events().stream().findFirst().map(event -> event.date());
        NoticeRenderer.HelpFacts facts = new NoticeRenderer.HelpFacts(first, engine.manifest().asOfDate(),
                admins.allows(interaction), questionChannel, cooldown, Questions.CONVERSATION.toMinutes());
        Replies.fill(interaction.createImmediateResponder(), notices.help(Locales.texts(interaction), facts))
                .respond();
    }
}
