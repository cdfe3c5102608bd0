package org.crisisdesk.discord;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.discord.render.TimelineRenderer;
import org.crisisdesk.discord.render.TopicChoices;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.timeline.InvalidTimelineQueryException;
import org.crisisdesk.timeline.Timeline;
import org.crisisdesk.timeline.TimelineQuery;
import org.javacord.api.interaction.AutocompleteInteraction;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandOptionBuilder;
import org.javacord.api.interaction.SlashCommandOptionChoice;
import org.javacord.api.interaction.SlashCommandOptionType;

/** {@code /timeline [from] [to] [topic]}: dated events in order, paged with buttons; topics autocomplete. */
final class TimelineCommand implements BotCommand {

    /** Keeps every page button's id (filters included) inside Discord's 100 characters. */
    static final int MAX_TOPIC = 60;

    private final Engine engine;
    private final Responder responder;
    private final TimelineRenderer renderer = new TimelineRenderer();
    private final NoticeRenderer notices = new NoticeRenderer();

    TimelineCommand(Engine engine, Responder responder) {
        this.engine = engine;
        this.responder = responder;
    }

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public SlashCommandBuilder definition() {
        return SlashCommand.with(name(), "Dated events in order, optionally within a period or on one topic", List.of(
                date("from", "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD"),
                date("to", "Latest date: YYYY, YYYY-MM or YYYY-MM-DD"),
                new SlashCommandOptionBuilder().setType(SlashCommandOptionType.STRING).setName("topic")
                        .setDescription("Only events on this topic").setRequired(false).setAutocompletable(true)
                        .setMaxLength(MAX_TOPIC).build()));
    }

    private static org.javacord.api.interaction.SlashCommandOption date(String name, String description) {
        return new SlashCommandOptionBuilder().setType(SlashCommandOptionType.STRING).setName(name)
                .setDescription(description).setRequired(false).setMaxLength(10).build();
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        String from = interaction.getArgumentStringValueByName("from").orElse("");
        String to = interaction.getArgumentStringValueByName("to").orElse("");
        String topic = interaction.getArgumentStringValueByName("topic").orElse("").strip();
        Optional<TimelineQuery> query = query(from, to, topic, 0);
        if (query.isEmpty()) {
            Replies.fill(interaction.createImmediateResponder(), invalid(from, to, topic)).respond();
            return;
        }
        responder.respond(interaction, false, () -> page(query.get()));
    }

    @Override
    public void autocomplete(AutocompleteInteraction interaction) {
        String typed = interaction.getFocusedOption().getStringValue().orElse("");
        List<SlashCommandOptionChoice> choices = TopicChoices.matching(engine.topics(), typed, MAX_TOPIC).stream()
                .map(t -> SlashCommandOptionChoice.create(t, t))
                .toList();
        interaction.respondWithChoices(choices);
    }

    @Override
    public boolean onButton(ButtonInteraction interaction) {
        Optional<ComponentIds.TimelinePosition> position = ComponentIds.TimelinePosition.parse(interaction.getCustomId());
        if (position.isEmpty()) {
            return false;
        }
        ComponentIds.TimelinePosition at = position.get();
        Optional<TimelineQuery> query = query(at.from(), at.to(), at.topic(), at.offset());
        ReplyView view = query.map(this::page).orElseGet(() -> invalid(at.from(), at.to(), at.topic()));
        Replies.fill(interaction.createOriginalMessageUpdater(), view).update();
        return true;
    }

    private ReplyView page(TimelineQuery query) {
        return renderer.page(engine.timeline(query), query.from().map(PartialDate::toString).orElse(""),
                query.to().map(PartialDate::toString).orElse(""), query.topic().orElse(""));
    }

    private static Optional<TimelineQuery> query(String from, String to, String topic, int offset) {
        try {
            return Optional.of(Timeline.query(from, to, topic, offset, TimelineRenderer.PAGE_SIZE));
        } catch (InvalidTimelineQueryException e) {
            return Optional.empty();
        }
    }

    private ReplyView invalid(String from, String to, String topic) {
        try {
            Timeline.query(from, to, topic, 0, TimelineRenderer.PAGE_SIZE);
            return notices.error("That timeline request cannot be shown.");
        } catch (InvalidTimelineQueryException e) {
            return notices.error(e.getMessage() + ".");
        }
    }
}
