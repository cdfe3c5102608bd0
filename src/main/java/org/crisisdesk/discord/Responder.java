package org.crisisdesk.discord;

import java.time.Duration;
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
 * everything on one server.
 */
final class Responder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final Supplier<Duration> budget;
    private final NoticeRenderer notices = new NoticeRenderer();

    Responder(Executor workers, ScheduledExecutorService timer, Supplier<Duration> budget) {
        this.workers = workers;
        this.timer = timer;
        this.budget = budget;
    }

    void respond(InteractionBase interaction, boolean ephemeral, Supplier<ReplyView> work) {
        Duration inline = budget.get();
        CompletableFuture<ReplyView> result = CompletableFuture.supplyAsync(work, workers)
                .exceptionally(error -> {
                    LOG.error("handling an interaction failed", error);
                    return notices.error("Something went wrong on my side; please try again.");
                });
        if (inline.isZero()) {
            defer(interaction, ephemeral, result);
            return;
        }
        AtomicBoolean claimed = new AtomicBoolean();
        result.thenAccept(view -> {
            if (claimed.compareAndSet(false, true)) {
                Replies.fill(interaction.createImmediateResponder(), view).respond()
                        .exceptionally(error -> log("an immediate response", error));
            }
        });
        timer.schedule(() -> {
            if (claimed.compareAndSet(false, true)) {
                defer(interaction, ephemeral, result);
            }
        }, inline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Acknowledges at once, then edits the original response with what {@code result} becomes. */
    void defer(InteractionBase interaction, boolean ephemeral, CompletableFuture<ReplyView> result) {
        interaction.respondLater(ephemeral)
                .thenCombine(result, (updater, view) -> Replies.fill(updater, view.asEphemeral(ephemeral)).update())
                .thenCompose(update -> update)
                .exceptionally(error -> log("a deferred response", error));
    }

    private static <T> T log(String what, Throwable error) {
        LOG.warn("sending {} failed: {}", what, error.toString());
        return null;
    }
}
