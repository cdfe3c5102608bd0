package org.crisisdesk.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.crisisdesk.answer.AskContext;
import org.crisisdesk.discord.render.ComponentIds;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.crisisdesk.i18n.Texts;
import org.crisisdesk.index.Language;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.channel.ServerThreadChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageAuthor;
import org.javacord.api.event.message.MessageCreateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions in ordinary messages: one that mentions the bot; a Discord reply to one of its answers; in a thread
 * started from one of its answers, one that ends in '?'; and, in the configured question channel, one that ends in
 * '?'. A reply or a thread message is asked in that answer's context (for {@link Questions#CONVERSATION}).
 * Everything else, and anything a bot or webhook wrote, is ignored. Answers are replies to the message, in its
 * channel or thread. Pauses and limits are told with a reaction, never a public message.
 */
final class MessageQuestions {

    private static final Logger LOG = LoggerFactory.getLogger(MessageQuestions.class);

    /** The reaction that tells an asker to wait: privately enough, and without a message to the channel. */
    static final String WAIT = "⏳";

    /** Threads whose starter message was looked up, most recent kept. */
    private static final int THREADS_KEPT = 1000;

    private final Questions questions;
    private final Cooldown cooldown;
    private final ChannelLimit channelLimit;
    private final Optional<Long> questionChannel;
    private final Executor workers;
    private final InFlight inFlight;
    private final NoticeRenderer notices = new NoticeRenderer();
    /** A thread's id → the key of the answer it was started from, if it was; one REST call per thread. */
    private final Map<Long, Optional<String>> threads = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Optional<String>> eldest) {
            return size() > THREADS_KEPT;
        }
    };

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
        boolean asking = content.endsWith("?");
        Optional<String> repliedTo = message.getReferencedMessage()
                .filter(referenced -> referenced.getAuthor().getId() == self)
                .flatMap(MessageQuestions::answerKey);
        Optional<ServerThreadChannel> thread = event.getChannel().asServerThreadChannel();
        long channel = thread.map(t -> t.getParent().getId()).orElse(event.getChannel().getId());
        boolean inQuestionChannel = asking && questionChannel.isPresent() && questionChannel.get() == channel;
        if (mentioned || repliedTo.isPresent() || inQuestionChannel) {
            Optional<String> key = repliedTo;
            if (key.isEmpty() && thread.isPresent()) {
                threadAnswer(thread.get()).thenAccept(started -> answer(message, started));
            } else {
                answer(message, key);
            }
        } else if (asking && thread.isPresent()) {
            threadAnswer(thread.get()).thenAccept(started -> started.ifPresent(k -> answer(message, started)));
        }
    }

    /** Answers {@code message}, in the context of the answer under {@code key} when there is one. */
    private void answer(Message message, Optional<String> key) {
        String question = QuestionText.clean(message.getContent());
        Texts texts = Texts.of(message.getServer().flatMap(server -> Language.parse(
                server.getPreferredLocale().toLanguageTag())).orElse(Language.EN));
        if (question.isEmpty()) {
            reply(message, notices.notice(texts, "notice.emptyMention").asEphemeral(false));
            return;
        }
        long author = message.getAuthor().getId();
        if (cooldown.tryAcquire(author).isPresent()
                || channelLimit.tryAcquire(message.getChannel().getId()).isPresent()) {
            wait(message);
            return;
        }
        Optional<CompletableFuture<Void>> ticket = inFlight.begin();
        if (ticket.isEmpty()) {
            wait(message);
            return;
        }
        Optional<AskContext> context = key.flatMap(questions::context);
        Optional<Language> language = key.flatMap(questions::language);
        Questions.Asked asked = new Questions.Asked(message.getContent(), false, author, language, context);
        CompletableFuture.supplyAsync(() -> questions.ask(asked), workers)
                .thenCompose(view -> reply(message, view))
                .exceptionally(error -> {
                    LOG.error("answering a message failed", error);
                    return null;
                })
                .whenComplete((sent, error) -> ticket.get().complete(null));
    }

    /** The key of the answer {@code thread} was started from: a thread made from a message has that message's id. */
    private CompletableFuture<Optional<String>> threadAnswer(ServerThreadChannel thread) {
        synchronized (threads) {
            Optional<String> known = threads.get(thread.getId());
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
        }
        Optional<ServerTextChannel> parent = thread.getParent().asServerTextChannel();
        if (parent.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        long self = thread.getApi().getYourself().getId();
        return thread.getApi().getMessageById(thread.getId(), parent.get())
                .thenApply(starter -> starter.getAuthor().getId() == self ? answerKey(starter) : Optional.<String>empty())
                .exceptionally(error -> Optional.empty()) // not started from a message, or it was deleted
                .thenApply(key -> {
                    synchronized (threads) {
                        threads.put(thread.getId(), key);
                    }
                    return key;
                });
    }

    /** The answer a message of ours shows, read from the key its buttons carry. */
    private static Optional<String> answerKey(Message message) {
        return Replies.buttonsOf(message).stream()
                .map(button -> ComponentIds.answerKey(button.customId()))
                .flatMap(Optional::stream).findFirst();
    }

    /** A pause or a limit, said with a reaction on the question: no message anyone else would see. */
    private static void wait(Message message) {
        message.addReaction(WAIT).exceptionally(error -> {
            LOG.warn("reacting to a message failed: {}", error.toString());
            return null;
        });
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
