package org.crisisdesk.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.crisisdesk.discord.render.AnswerRenderer;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.feedback.FeedbackLog;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.ops.Heartbeat;
import org.crisisdesk.ops.Metrics;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.intent.Intent;
import org.javacord.api.event.connection.LostConnectionEvent;
import org.javacord.api.event.connection.ReconnectEvent;
import org.javacord.api.event.connection.ResumeEvent;
import org.javacord.api.event.interaction.AutocompleteCreateEvent;
import org.javacord.api.event.interaction.ButtonClickEvent;
import org.javacord.api.event.interaction.SlashCommandCreateEvent;
import org.javacord.api.event.message.MessageCreateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord front end: logs in (every shard, or the one this process runs), registers the slash commands, and
 * serves them and questions in messages until {@link #close()}. The engine is the caller's to close.
 */
public final class Bot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bot.class);

    /** Inline work gets this long before the response is deferred; Discord's deadline is 3 s, with network. */
    static final Duration INLINE_BUDGET = Duration.ofMillis(1500);

    /** How long shutdown lets answers in flight finish before it disconnects anyway. */
    static final Duration DRAIN = Duration.ofSeconds(15);

    private final List<DiscordApi> shards;
    private final ExecutorService workers;
    private final ExecutorService rebuilds;
    private final ScheduledExecutorService timer;
    private final InFlight inFlight;
    private final GatewayState gateway;

    private Bot(List<DiscordApi> shards, ExecutorService workers, ExecutorService rebuilds,
                ScheduledExecutorService timer, InFlight inFlight, GatewayState gateway) {
        this.shards = List.copyOf(shards);
        this.workers = workers;
        this.rebuilds = rebuilds;
        this.timer = timer;
        this.inFlight = inFlight;
        this.gateway = gateway;
    }

    /**
     * Tuning a test or an unusual deployment may need; production uses {@link #defaults()}.
     *
     * @param beforeAsk sees every question on the worker thread before the engine does: a test seam for a slow engine
     */
    record Options(Clock clock, ProgressListener progress, UnaryOperator<DiscordApiBuilder> transport,
                   Duration loginTimeout, Supplier<Duration> inlineBudget, Consumer<String> beforeAsk) {

        static Options defaults() {
            return new Options(Clock.systemUTC(), ProgressListener.NONE, UnaryOperator.identity(),
                    Duration.ofMinutes(2), () -> INLINE_BUDGET, question -> { });
        }
    }

    /** Logs in and serves; fails with {@link BotStartException} when Discord cannot be reached in time. */
    public static Bot start(BotConfig config, Engine engine) throws BotStartException {
        return start(config, engine, Options.defaults());
    }

    static Bot start(BotConfig config, Engine engine, Options options) throws BotStartException {
        return start(config, engine, options, new GatewayState());
    }

    static Bot start(BotConfig config, Engine engine, Options options, GatewayState gateway)
            throws BotStartException {
        ExecutorService workers = Executors.newFixedThreadPool(4, threads("crisisdesk-worker"));
        ExecutorService rebuilds = Executors.newSingleThreadExecutor(threads("crisisdesk-reindex"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads("crisisdesk-timer"));
        InFlight inFlight = new InFlight();
        Responder responder = new Responder(workers, timer, options.inlineBudget(), inFlight);
        Cooldown cooldown = new Cooldown(config.cooldown(), options.clock());
        ChannelLimit channelLimit = new ChannelLimit(config.channelLimit(), options.clock());
        FeedbackLog feedback = new FeedbackLog(config.feedbackLog(), options.clock(),
                new FeedbackLog.Policy(config.feedbackMaxBytes(), config.feedbackPrivate(), QuestionText::clean));
        Questions questions = new Questions(engine, feedback, new AnswerStore(5000, options.clock()), new AnswerRenderer(),
                options.beforeAsk());
        AdminPolicy admins = new AdminPolicy(config.adminIds());
        CommandRegistry registry = new CommandRegistry(List.of(
                new AskCommand(questions, cooldown, channelLimit, responder),
                new TimelineCommand(engine, responder),
                new SourcesCommand(engine),
                new ReindexCommand(engine, admins, responder, rebuilds, options.progress()),
                new HelpCommand(engine, admins, config.questionChannel().isPresent(), cooldown.enabled())));
        MessageQuestions messages = new MessageQuestions(questions, cooldown, channelLimit, config.questionChannel(),
                workers, inFlight);

        DiscordApiBuilder builder = new DiscordApiBuilder()
                .setToken(config.token())
                .setTotalShards(config.shards())
                // Our own hook drains, disconnects and then closes the engine, in that order.
                .setShutdownHookRegistrationEnabled(false);
        // Message content is privileged: only asked for when the question channel needs it (mentions carry it).
        builder = config.questionChannel().isPresent()
                ? builder.setAllNonPrivilegedIntentsAnd(Intent.MESSAGE_CONTENT)
                : builder.setAllNonPrivilegedIntents();
        // Listeners go on the builder, so they are in place before the first event of every shard arrives.
        builder.addLostConnectionListener((LostConnectionEvent e) -> {
            if (inFlight.accepting()) { // otherwise it is our own disconnect, while stopping
                LOG.warn("lost the gateway connection of shard {}; Javacord reconnects", e.getApi().getCurrentShard());
                gateway.set(e.getApi().getCurrentShard(), GatewayState.State.RECONNECTING);
            }
        });
        builder.addResumeListener((ResumeEvent e) -> {
            LOG.info("resumed the gateway session of shard {}", e.getApi().getCurrentShard());
            gateway.set(e.getApi().getCurrentShard(), GatewayState.State.CONNECTED);
        });
        builder.addReconnectListener((ReconnectEvent e) -> {
            LOG.info("reconnected shard {} with a new gateway session", e.getApi().getCurrentShard());
            gateway.set(e.getApi().getCurrentShard(), GatewayState.State.CONNECTED);
        });
        builder.addSlashCommandCreateListener((SlashCommandCreateEvent e) ->
                registry.onSlashCommand(e.getSlashCommandInteraction()));
        builder.addAutocompleteCreateListener((AutocompleteCreateEvent e) ->
                registry.onAutocomplete(e.getAutocompleteInteraction()));
        builder.addButtonClickListener((ButtonClickEvent e) -> registry.onButton(e.getButtonInteraction()));
        builder.addMessageCreateListener((MessageCreateEvent e) -> messages.onMessage(e));
        builder = options.transport().apply(builder);
        List<CompletableFuture<DiscordApi>> logins = config.shardId().isPresent()
                ? List.of(builder.setCurrentShard(config.shardId().get()).login())
                : builder.loginAllShards();
        List<DiscordApi> shards = new ArrayList<>();
        try {
            for (CompletableFuture<DiscordApi> login : logins) {
                DiscordApi api = login.get(options.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
                shards.add(api);
                int shard = api.getCurrentShard();
                gateway.set(shard, GatewayState.State.CONNECTED);
                LOG.info("logged in as {} (shard {} of {})", api.getYourself().getDiscriminatedName(),
                        shard + 1, api.getTotalShards());
            }
            // Commands belong to the application, not a shard: the process running shard 0 registers them.
            java.util.Optional<DiscordApi> first = shards.stream().filter(api -> api.getCurrentShard() == 0).findFirst();
            if (first.isPresent()) {
                registry.register(first.get(), config.guildId())
                        .get(options.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                LOG.info("commands are registered by the process running shard 0");
            }
        } catch (ExecutionException | TimeoutException e) {
            new Bot(shards, workers, rebuilds, timer, inFlight, gateway).close();
            throw new BotStartException("cannot start the Discord bot: "
                    + (e instanceof TimeoutException ? "Discord did not answer in time" : e.getCause().getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            new Bot(shards, workers, rebuilds, timer, inFlight, gateway).close();
            throw new BotStartException("interrupted while starting the Discord bot", e);
        }
        LOG.info("serving /{}", String.join(", /", registry.names()));
        return new Bot(shards, workers, rebuilds, timer, inFlight, gateway);
    }

    /**
     * Serves until the JVM is asked to stop (SIGTERM, Ctrl-C): then lets answers in flight finish, disconnects from
     * Discord and closes the engine, in that order, so no answer is attempted on a closed index. Returns once that is
     * done. {@code metrics} is told the gateway's state.
     */
    public static void serve(BotConfig config, Engine engine, Metrics metrics)
            throws BotStartException, InterruptedException {
        serve(config, engine, metrics, Options.defaults());
    }

    static void serve(BotConfig config, Engine engine, Metrics metrics, Options options)
            throws BotStartException, InterruptedException {
        GatewayState gateway = new GatewayState();
        metrics.gatewayState(gateway::summary);
        // Beats from before the login, so a container's health check sees "connecting" rather than nothing.
        Optional<Heartbeat> heartbeat = config.heartbeatFile()
                .map(file -> Heartbeat.start(file, gateway::summary, Heartbeat.INTERVAL, options.clock()));
        Bot bot;
        try {
            bot = start(config, engine, options, gateway);
        } catch (BotStartException | RuntimeException e) {
            heartbeat.ifPresent(Heartbeat::close);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            bot.close();
            heartbeat.ifPresent(Heartbeat::close);
            try {
                engine.close();
            } catch (java.io.IOException e) {
                LOG.warn("closing the engine failed: {}", e.toString());
            }
            stopped.countDown();
        }, "crisisdesk-shutdown"));
        stopped.await();
    }

    /** The gateway's state as /metrics reports it ("connected", "reconnecting", …). */
    String gatewayState() {
        return gateway.summary();
    }

    GatewayState gateway() {
        return gateway;
    }

    /**
     * Refuses new questions, waits a little for answers in flight to be sent, then disconnects every shard and stops
     * the bot's threads.
     */
    @Override
    public void close() {
        try {
            int pending = inFlight.size();
            if (pending > 0) {
                LOG.info("letting {} answer(s) in flight finish", pending);
            }
            if (!inFlight.drain(DRAIN)) {
                LOG.warn("{} answer(s) still in flight after {} s; disconnecting anyway", inFlight.size(),
                        DRAIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<CompletableFuture<Void>> disconnects = new ArrayList<>();
        for (DiscordApi api : shards) {
            try {
                disconnects.add(api.disconnect());
            } catch (RejectedExecutionException e) {
                // Javacord 3.8.0 race: when the gateway acknowledges the close quickly, its thread pool is shut
                // down before disconnect() schedules its fallback timer. The disconnect itself has completed.
                LOG.debug("Javacord had already stopped shard {}", api.getCurrentShard());
            }
        }
        try {
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("disconnecting from Discord did not finish cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (DiscordApi api : shards) {
            gateway.set(api.getCurrentShard(), GatewayState.State.DISCONNECTED);
        }
        for (ExecutorService executor : List.of(workers, rebuilds, timer)) {
            executor.shutdown();
        }
        try {
            for (ExecutorService executor : List.of(workers, rebuilds, timer)) {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("disconnected from Discord");
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
