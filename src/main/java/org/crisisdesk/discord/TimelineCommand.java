package org.crisisdesk.discord;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.timeline.DateInput;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.discord.render.TimelinePicture;
import org.crisisdesk.discord.render.TimelineRenderer;
import org.crisisdesk.discord.render.TopicChoices;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.timeline.TimelineEvent;
import org.crisisdesk.timeline.TimelineQuery;
import org.javacord.api.interaction.AutocompleteInteraction;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.DiscordLocale;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionBuilder;
import org.javacord.api.interaction.SlashCommandOptionChoice;
import org.javacord.api.interaction.SlashCommandOptionType;

/**
 * {@code /timeline [from] [to] [topic]}: dated events in order, 10 a page with a picture of the whole range, paged
 * with buttons; disputes explained on demand; topics autocomplete; dates as people write them.
 */
final class TimelineCommand implements BotCommand {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TimelineCommand.class);

    /** Keeps every page button's id (filters included) inside Discord's 100 characters. */
    static final int MAX_TOPIC = 60;

    /** A typed date: "18 septembre 2020" is the longest common form. */
    private static final int MAX_DATE = 24;

    private final Engine engine;
    private final Responder responder;
    private final TimelineRenderer renderer = new TimelineRenderer(new TimelinePicture());
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
        Texts en = Texts.of(Language.EN);
        Texts fr = Texts.of(Language.FR);
        return SlashCommand.with(name(), en.get("command.timeline"), List.of(
                        option("from", MAX_DATE, false),
                        option("to", MAX_DATE, false),
                        option("topic", MAX_TOPIC, true)))
                .addDescriptionLocalization(DiscordLocale.FRENCH, fr.get("command.timeline"));
    }

    private static SlashCommandOption option(String name, int maxLength, boolean autocomplete) {
        String key = "command.timeline." + name;
        return new SlashCommandOptionBuilder().setType(SlashCommandOptionType.STRING).setName(name)
                .setDescription(Texts.of(Language.EN).get(key))
                .addDescriptionLocalization(DiscordLocale.FRENCH, Texts.of(Language.FR).get(key))
                .setRequired(false).setAutocompletable(autocomplete).setMaxLength(maxLength).build();
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        Texts texts = Locales.texts(interaction);
        String from = interaction.getArgumentStringValueByName("from").orElse("").strip();
        String to = interaction.getArgumentStringValueByName("to").orElse("").strip();
        String topic = interaction.getArgumentStringValueByName("topic").orElse("").strip();
        Optional<String> fromIso = from.isEmpty() ? Optional.of("") : DateInput.iso(from);
        Optional<String> toIso = to.isEmpty() ? Optional.of("") : DateInput.iso(to);
        Optional<String> problem = fromIso.isEmpty() ? Optional.of(texts.get("timeline.badDate", "from", from))
                : toIso.isEmpty() ? Optional.of(texts.get("timeline.badDate", "to", to))
                : order(fromIso.get(), toIso.get(), texts);
        if (problem.isPresent()) {
            Replies.fill(interaction.createImmediateResponder(), notices.error(problem.get())).respond();
            return;
        }
        TimelineRenderer.Filters filters = new TimelineRenderer.Filters(fromIso.get(), toIso.get(), topic);
        // Deferred: the picture can only be uploaded with an edit of the response.
        responder.respondDeferred(interaction, false, () -> renderer.page(events(filters), 0, filters, texts));
    }

    private static Optional<String> order(String from, String to, Texts texts) {
        Optional<PartialDate> start = PartialDate.parse(from);
        Optional<PartialDate> end = PartialDate.parse(to);
        if (start.isPresent() && end.isPresent() && start.get().start().isAfter(end.get().end())) {
            return Optional.of(texts.get("timeline.fromAfterTo", texts.date(start.get()), texts.date(end.get())));
        }
        return Optional.empty();
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
        String id = interaction.getCustomId();
        Texts texts = Locales.texts(interaction);
        Optional<ComponentIds.TimelinePosition> disputes = ComponentIds.TimelinePosition.parseDisputes(id);
        if (disputes.isPresent()) {
            ComponentIds.TimelinePosition at = disputes.get();
            ReplyView view = renderer.disputes(events(filters(at)), at.offset(), texts);
            Replies.fill(interaction.createImmediateResponder(), view).respond();
            return true;
        }
        Optional<ComponentIds.TimelinePosition> position = ComponentIds.TimelinePosition.parse(id);
        if (position.isEmpty()) {
            return false;
        }
        ComponentIds.TimelinePosition at = position.get();
        Replies.replace(interaction, renderer.page(events(filters(at)), at.offset(), filters(at), texts))
                .exceptionally(error -> {
                    LOG.warn("turning a timeline page failed: {}", error.toString());
                    return null;
                });
        return true;
    }

    private static TimelineRenderer.Filters filters(ComponentIds.TimelinePosition at) {
        return new TimelineRenderer.Filters(at.from(), at.to(), at.topic());
    }

    /**
     * Every event the filters match: the page is cut from them, and the picture and the range summary show them
     * all (a few hundred in the shipped base, read in well under a millisecond).
     */
    private List<TimelineEvent> events(TimelineRenderer.Filters filters) {
        return engine.timeline(new TimelineQuery(PartialDate.parse(filters.from()), PartialDate.parse(filters.to()),
                Optional.of(filters.topic()), 0, TimelineQuery.MAX_LIMIT)).events();
    }
}
