package org.crisisdesk.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.discord.render.AnswerRenderer;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.index.Language;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.DiscordLocale;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionBuilder;
import org.javacord.api.interaction.SlashCommandOptionType;

/**
 * {@code /ask question:<text> [private]}: a cited answer with its buttons: More (in place for the asker, a private
 * copy for anyone else), Sources, 👍/👎 (disabled once used); an abstention's buttons ask what it suggests.
 */
final class AskCommand implements BotCommand {

    static final int MAX_QUESTION = 1000;

    private final Questions questions;
    private final Cooldown cooldown;
    private final ChannelLimit channelLimit;
    private final Responder responder;
    private final NoticeRenderer notices = new NoticeRenderer();

    AskCommand(Questions questions, Cooldown cooldown, ChannelLimit channelLimit, Responder responder) {
        this.questions = questions;
        this.cooldown = cooldown;
        this.channelLimit = channelLimit;
        this.responder = responder;
    }

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public SlashCommandBuilder definition() {
        Texts en = Texts.of(Language.EN);
        Texts fr = Texts.of(Language.FR);
        SlashCommandOption question = new SlashCommandOptionBuilder().setType(SlashCommandOptionType.STRING)
                .setName("question").setDescription(en.get("command.ask.question"))
                .addDescriptionLocalization(DiscordLocale.FRENCH, fr.get("command.ask.question"))
                .setRequired(true).setMinLength(2).setMaxLength(MAX_QUESTION).build();
        SlashCommandOption ephemeral = new SlashCommandOptionBuilder().setType(SlashCommandOptionType.BOOLEAN)
                .setName("private").setDescription(en.get("command.ask.private"))
                .addDescriptionLocalization(DiscordLocale.FRENCH, fr.get("command.ask.private"))
                .setRequired(false).build();
        return SlashCommand.with(name(), en.get("command.ask"), List.of(question, ephemeral))
                .addDescriptionLocalization(DiscordLocale.FRENCH, fr.get("command.ask"));
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        Texts texts = Locales.texts(interaction);
        boolean ephemeral = interaction.getArgumentBooleanValueByName("private").orElse(false);
        String question = interaction.getArgumentStringValueByName("question").orElse("").strip();
        long asker = interaction.getUser().getId();
        Optional<Duration> wait = cooldown.tryAcquire(asker);
        if (wait.isPresent()) {
            Replies.fill(interaction.createImmediateResponder(), notices.cooldown(texts, wait.get())).respond();
            return;
        }
        if (question.isEmpty()) {
            Replies.fill(interaction.createImmediateResponder(), notices.notice(texts, "notice.emptyQuestion"))
                    .respond();
            return;
        }
        Optional<Duration> busy = interaction.getChannel()
                .flatMap(channel -> channelLimit.tryAcquire(channel.getId()));
        if (busy.isPresent()) {
            Replies.fill(interaction.createImmediateResponder(), notices.channelBusy(texts, busy.get())).respond();
            return;
        }
        // The client's language decides only when the question itself does not show one.
        Questions.Asked asked = new Questions.Asked(question, ephemeral, asker, Optional.of(texts.language()),
                Optional.empty());
        responder.respond(interaction, ephemeral, () -> questions.ask(asked));
    }

    @Override
    public boolean onButton(ButtonInteraction interaction) {
        String id = interaction.getCustomId();
        long user = interaction.getUser().getId();
        Optional<ComponentIds.More> more = ComponentIds.More.parse(id);
        if (more.isPresent()) {
            show(interaction, questions.more(more.get(), user), user == more.get().owner());
            return true;
        }
        Optional<ComponentIds.Alternative> alternative = ComponentIds.Alternative.parse(id);
        if (alternative.isPresent()) {
            // An answer takes a fraction of a millisecond, like More's: answered inline, not deferred. The asker's
            // abstention becomes the answer to the question they picked.
            show(interaction, questions.alternative(alternative.get(), user), user == alternative.get().owner());
            return true;
        }
        Optional<String> sources = ComponentIds.answerSourcesKey(id);
        if (sources.isPresent()) {
            show(interaction, questions.sources(sources.get()), false);
            return true;
        }
        Optional<ComponentIds.Vote> vote = ComponentIds.Vote.parse(id);
        if (vote.isPresent()) {
            Texts texts = questions.language(vote.get().key()).map(Texts::of)
                    .orElseGet(() -> Locales.texts(interaction));
            switch (questions.vote(vote.get(), user)) {
                case RECORDED -> voted(interaction, vote.get().up(), true, texts);
                case NOT_KEPT -> voted(interaction, vote.get().up(), false, texts);
                case ALREADY_VOTED -> Replies.fill(interaction.createImmediateResponder(),
                        notices.notice(Locales.texts(interaction), "vote.already")).respond();
                case FORGOTTEN -> expired(interaction);
            }
            return true;
        }
        return false;
    }

    /**
     * A button's answer: in place in its owner's message; as a new message shown only to anyone else, so someone
     * else's answer stays as its asker left it.
     */
    private void show(ButtonInteraction interaction, Optional<ReplyView> view, boolean owner) {
        if (view.isEmpty()) {
            expired(interaction);
        } else if (owner) {
            Replies.fill(interaction.createOriginalMessageUpdater(), view.get()).update();
        } else {
            Replies.fill(interaction.createImmediateResponder(), view.get().asEphemeral(true)).respond();
        }
    }

    /** The vote buttons are disabled where they are, the chosen one saying thanks (or that it was not kept). */
    private static void voted(ButtonInteraction interaction, boolean up, boolean kept, Texts texts) {
        Replies.buttons(interaction.createOriginalMessageUpdater(), interaction.getMessage(),
                AnswerRenderer.afterVote(Replies.buttonsOf(interaction.getMessage()), up, kept, texts)).update();
    }

    private void expired(ButtonInteraction interaction) {
        Replies.fill(interaction.createImmediateResponder(), notices.notice(Locales.texts(interaction),
                "vote.expired")).respond();
    }
}
