package org.crisisdesk.discord;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.crisisdesk.discord.render.NoticeRenderer;
import org.crisisdesk.discord.render.ReplyView;
import org.javacord.api.interaction.InteractionBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an interaction inside Discord's 3-second deadline: work that is done within {@code budget} is sent as the
 * immediate response; work still running by then is deferred ("thinking…") and the original response is edited
 * when it finishes (a zero budget always defers). Work runs off Javacord's event threads, which are shared by
 * everything on one server. Every reply counts as in flight until it is sent (or has failed), so shutdown can wait
 * for it; once shutdown has begun, new work is refused with a short "try again".
 */
final class Responder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final Supplier<Duration> budget;
    private final InFlight inFlight;
    private final NoticeRenderer notices = new NoticeRenderer();

    Responder(Executor workers, ScheduledExecutorService timer, Supplier<Duration> budget, InFlight inFlight) {
        this.workers = workers;
        this.timer = timer;
        this.budget = budget;
        this.inFlight = inFlight;
    }

    void respond(InteractionBase interaction, boolean ephemeral, Supplier<ReplyView> work) {
        Optional<CompletableFuture<Void>> ticket = inFlight.begin();
        if (ticket.isEmpty()) {
            refuse(interaction);
            return;
        }
        CompletableFuture<Void> done = ticket.get();
        Duration inline = budget.get();
        CompletableFuture<ReplyView> result = CompletableFuture.supplyAsync(work, workers)
                .exceptionally(error -> {
                    LOG.error("handling an interaction failed", error);
                    return notices.notice(Locales.texts(interaction), "notice.error");
                });
        if (inline.isZero()) {
            send(interaction, ephemeral, result).whenComplete((sent, error) -> done.complete(null));
            return;
        }
        AtomicBoolean claimed = new AtomicBoolean();
        result.thenAccept(view -> {
            if (claimed.compareAndSet(false, true)) {
                Replies.fill(interaction.createImmediateResponder(), view).respond()
                        .whenComplete((sent, error) -> {
                            if (error != null) {
                                log("an immediate response", error);
                            }
                            done.complete(null);
                        });
            }
        });
        timer.schedule(() -> {
            if (claimed.compareAndSet(false, true)) {
                send(interaction, ephemeral, result).whenComplete((sent, error) -> done.complete(null));
            }
        }, inline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Acknowledges at once, then edits the original response with what {@code work} makes on a worker: for replies
     * with a picture, which Javacord 3.8.0 uploads only with an edit, never with an immediate response.
     */
    void respondDeferred(InteractionBase interaction, boolean ephemeral, Supplier<ReplyView> work) {
        defer(interaction, ephemeral, CompletableFuture.supplyAsync(work, workers).exceptionally(error -> {
            LOG.error("handling an interaction failed", error);
            return notices.notice(Locales.texts(interaction), "notice.error");
        }));
    }

    /** Acknowledges at once, then edits the original response with what {@code result} becomes. */
    void defer(InteractionBase interaction, boolean ephemeral, CompletableFuture<ReplyView> result) {
        Optional<CompletableFuture<Void>> ticket = inFlight.begin();
        if (ticket.isEmpty()) {
            refuse(interaction);
            return;
        }
        send(interaction, ephemeral, result).whenComplete((sent, error) -> ticket.get().complete(null));
    }

    private CompletableFuture<Void> send(InteractionBase interaction, boolean ephemeral,
                                         CompletableFuture<ReplyView> result) {
        return interaction.respondLater(ephemeral)
                .thenCombine(result, (updater, view) -> Replies.fill(updater, view.asEphemeral(ephemeral)).update())
                .thenCompose(update -> update)
                .<Void>thenApply(message -> null)
                .exceptionally(error -> log("a deferred response", error));
    }

    /** While shutting down, new work gets a short "try again" instead of being started. */
    private void refuse(InteractionBase interaction) {
        Replies.fill(interaction.createImmediateResponder(), notices.notice(Locales.texts(interaction),
                "notice.stopping")).respond()
                .exceptionally(error -> log("a refusal while stopping", error));
    }

    private static <T> T log(String what, Throwable error) {
        LOG.warn("sending {} failed: {}", what, error.toString());
        return null;
    }
}
