package org.crisisdesk.discord;

import java.util.List;
import java.util.Optional;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionBuilder;
import org.javacord.api.interaction.SlashCommandOptionType;

/** {@code /ask question:<text> [private]}: a cited answer, with More and 👍/👎 buttons. */
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
        return SlashCommand.with(name(), "Ask about the crisis in Mali; the answer quotes its sources", List.of(
                new SlashCommandOptionBuilder().setType(SlashCommandOptionType.STRING).setName("question")
                        .setDescription("Your question, e.g. which resolution ended MINUSMA's mandate?")
                        .setRequired(true).setMinLength(2).setMaxLength(MAX_QUESTION).build(),
                SlashCommandOption.createBooleanOption("private", "Show the answer to you only", false)));
    }

    @Override
    public void handle(SlashCommandInteraction interaction) {
        boolean ephemeral = interaction.getArgumentBooleanValueByName("private").orElse(false);
        String question = interaction.getArgumentStringValueByName("question").orElse("").strip();
        Optional<java.time.Duration> wait = cooldown.tryAcquire(interaction.getUser().getId());
        if (wait.isPresent()) {
            Replies.fill(interaction.createImmediateResponder(), notices.cooldown(wait.get())).respond();
            return;
        }
        if (question.isEmpty()) {
            Replies.fill(interaction.createImmediateResponder(), notices.error("Please type a question.")).respond();
            return;
        }
        Optional<java.time.Duration> busy = interaction.getChannel()
                .flatMap(channel -> channelLimit.tryAcquire(channel.getId()));
        if (busy.isPresent()) {
            Replies.fill(interaction.createImmediateResponder(), notices.channelBusy(busy.get())).respond();
            return;
        }
        responder.respond(interaction, ephemeral, () -> questions.ask(question, ephemeral));
    }

    @Override
    public boolean onButton(ButtonInteraction interaction) {
        String id = interaction.getCustomId();
        Optional<ComponentIds.More> more = ComponentIds.More.parse(id);
        if (more.isPresent()) {
            Optional<ReplyView> view = questions.more(more.get());
            if (view.isPresent()) {
                Replies.fill(interaction.createOriginalMessageUpdater(), view.get()).update();
            } else {
                expired(interaction);
            }
            return true;
        }
        Optional<ComponentIds.Vote> vote = ComponentIds.Vote.parse(id);
        if (vote.isPresent()) {
            switch (questions.vote(vote.get(), interaction.getUser().getId())) {
                case RECORDED -> Replies.fill(interaction.createImmediateResponder(), ReplyView.text(vote.get().up()
                        ? "Thanks! Recorded for the curators."
                        : "Thanks, the curators will look at this answer.", true)).respond();
                case ALREADY_VOTED -> Replies.fill(interaction.createImmediateResponder(),
                        ReplyView.text("You have already voted on this answer.", true)).respond();
                case NOT_KEPT -> Replies.fill(interaction.createImmediateResponder(), ReplyView.text(
                        "Thanks. Questions asked privately are not kept, so this vote was not recorded.", true))
                        .respond();
                case FORGOTTEN -> expired(interaction);
            }
            return true;
        }
        return false;
    }

    private void expired(ButtonInteraction interaction) {
        Replies.fill(interaction.createImmediateResponder(),
                notices.error("This answer is too old for that now; please ask again.")).respond();
    }
}
