package org.crisisdesk.discord;

import java.util.Optional;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.SourcesRenderer;
import org.crisisdesk.engine.Engine;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;

/** {@code /sources}: every source answers quote, a page at a time. */
final class SourcesCommand implements BotCommand {

    private final Engine engine;
    private final SourcesRenderer renderer = new SourcesRenderer();

    SourcesCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "sources";
    }

    @Override
    public SlashCommandBuilder definition() {
        return SlashCommand.with(name(), "The curated sources answers quote");
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        Replies.fill(interaction.createImmediateResponder(), renderer.page(engine.sources(), 0)).respond();
    }

    @Override
    public boolean onButton(ButtonInteraction interaction) {
        Optional<Integer> offset = ComponentIds.sourcesOffset(interaction.getCustomId());
        offset.ifPresent(at -> Replies.fill(interaction.createOriginalMessageUpdater(),
                renderer.page(engine.sources(), at)).update());
        return offset.isPresent();
    }
}
