package org.crisisdesk.discord;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.SourcesRenderer;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.discord.render.TopicChoices;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.timeline.TimelineQuery;
import org.javacord.api.interaction.AutocompleteInteraction;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.DiscordLocale;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandOptionBuilder;
import org.javacord.api.interaction.SlashCommandOptionChoice;
import org.javacord.api.interaction.SlashCommandOptionType;

/**
 * {@code /sources [search]}: the sources answers quote, shown only to whoever asked, newest first; {@code search}
 * (autocompleted from topics and publishers) keeps those of that publisher, with it in their title, or cited by the
 * events of that topic.
 */
final class SourcesCommand implements BotCommand {

    /** Keeps the paging buttons' ids inside Discord's 100 characters. */
    static final int MAX_SEARCH = 60;

    private static final Comparator<Source> NEWEST_FIRST = Comparator
            .comparing((Source s) -> s.date().map(PartialDate::start).orElse(java.time.LocalDate.MIN))
            .reversed().thenComparing(Source::publisher);

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
        Texts en = Texts.of(Language.EN);
        Texts fr = Texts.of(Language.FR);
        return SlashCommand.with(name(), en.get("command.sources"), List.of(new SlashCommandOptionBuilder()
                        .setType(SlashCommandOptionType.STRING).setName("search")
                        .setDescription(en.get("command.sources.search"))
                        .addDescriptionLocalization(DiscordLocale.FRENCH, fr.get("command.sources.search"))
                        .setRequired(false).setAutocompletable(true).setMaxLength(MAX_SEARCH).build()))
                .addDescriptionLocalization(DiscordLocale.FRENCH, fr.get("command.sources"));
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        String search = interaction.getArgumentStringValueByName("search").orElse("").strip();
        Replies.fill(interaction.createImmediateResponder(),
                renderer.page(matching(search), 0, search, Locales.texts(interaction))).respond();
    }

    @Override
    public void autocomplete(AutocompleteInteraction interaction) {
        String typed = interaction.getFocusedOption().getStringValue().orElse("");
        List<String> names = Stream.concat(engine.topics().stream(),
                engine.sources().stream().map(Source::publisher).distinct().sorted()).distinct().toList();
        interaction.respondWithChoices(TopicChoices.matching(names, typed, MAX_SEARCH).stream()
                .map(name -> SlashCommandOptionChoice.create(name, name)).toList());
    }

    @Override
    public boolean onButton(ButtonInteraction interaction) {
        Optional<ComponentIds.SourcesPosition> at = ComponentIds.SourcesPosition.parse(interaction.getCustomId());
        at.ifPresent(position -> Replies.fill(interaction.createOriginalMessageUpdater(),
                renderer.page(matching(position.search()), position.offset(), position.search(),
                        Locales.texts(interaction))).update());
        return at.isPresent();
    }

    /** The sources {@code search} finds (all when it is empty), newest first. */
    List<Source> matching(String search) {
        List<Source> all = engine.sources();
        if (search.isBlank()) {
            return all.stream().sorted(NEWEST_FIRST).toList();
        }
        String wanted = fold(search);
        Set<String> ofTopic = new LinkedHashSet<>();
        engine.timeline(new TimelineQuery(Optional.empty(), Optional.empty(), Optional.of(search), 0,
                TimelineQuery.MAX_LIMIT)).events().forEach(event -> event.citations().stream()
                .map(Citation::source).forEach(ofTopic::add));
        return all.stream()
                .filter(s -> ofTopic.contains(s.id()) || fold(s.publisher()).contains(wanted)
                        || fold(s.title()).contains(wanted))
                .sorted(NEWEST_FIRST).toList();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
