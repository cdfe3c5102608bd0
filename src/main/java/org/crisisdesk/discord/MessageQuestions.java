package org.crisisdesk.discord;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageAuthor;
import org.javacord.api.event.message.MessageCreateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions in ordinary messages: one that mentions the bot, or, in the configured question channel, one that ends
 * in '?'. Everything else, and anything a bot or webhook wrote, is ignored. Answers are replies to the message.
 */
final class MessageQuestions {

    private static final Logger LOG = LoggerFactory.getLogger(MessageQuestions.class);

    private final Questions questions;
    private final Cooldown cooldown;
    private final ChannelLimit channelLimit;
    private final Optional<Long> questionChannel;
    private final Executor workers;
    private final InFlight inFlight;
    private final NoticeRenderer notices = new NoticeRenderer();

    MessageQuestions(Questions questions, Cooldown cooldown, ChannelLimit channelLimit, Optional<Long> questionChannel,
                     Executor workers, InFlight inFlight) {
        this.inFlight = inFlight;
        this.questions = questions;
        this.cooldown = cooldown;
        this.channelLimit = channelLimit;
        this.questionChannel = questionChannel;
        this.workers = workers;
    }

    void onMessage(MessageCreateEvent event) {
        Message message = event.getMessage();
        MessageAuthor author = message.getAuthor();
        if (!author.isRegularUser()) {
            return;
        }
        long self = event.getApi().getYourself().getId();
        boolean mentioned = message.getMentionedUsers().stream().anyMatch(user -> user.getId() == self);
        String content = message.getContent().strip();
        boolean inQuestionChannel = questionChannel.isPresent() && questionChannel.get() == event.getChannel().getId()
                && content.endsWith("?");
        if (!mentioned && !inQuestionChannel) {
            return;
        }
        String question = Pattern.compile("<@!?" + self + ">").matcher(content).replaceAll(" ").strip();
        if (question.isEmpty()) {
            reply(message, ReplyView.text("Ask me a question after the mention, or try `/help`.", false));
            return;
        }
        Optional<Duration> wait = cooldown.tryAcquire(author.getId());
        if (wait.isPresent()) {
            reply(message, notices.cooldown(wait.get()).asEphemeral(false));
            return;
        }
        Optional<Duration> busy = channelLimit.tryAcquire(event.getChannel().getId());
        if (busy.isPresent()) {
            reply(message, notices.channelBusy(busy.get()).asEphemeral(false));
            return;
        }
        Optional<CompletableFuture<Void>> ticket = inFlight.begin();
        if (ticket.isEmpty()) {
            reply(message, notices.error(Responder.STOPPING).asEphemeral(false));
            return;
        }
        CompletableFuture.supplyAsync(() -> questions.ask(question, false), workers)
                .thenCompose(view -> reply(message, view))
                .exceptionally(error -> {
                    LOG.error("answering a message failed", error);
                    return null;
                })
                .whenComplete((sent, error) -> ticket.get().complete(null));
    }

    private static CompletableFuture<Void> reply(Message message, ReplyView view) {
        return Replies.message(view).replyTo(message).send(message.getChannel())
                .<Void>thenApply(sent -> null)
                .exceptionally(error -> {
                    LOG.warn("replying to a message failed: {}", error.toString());
                    return null;
                });
    }
}
