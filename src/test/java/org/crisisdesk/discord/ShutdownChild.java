package org.crisisdesk.discord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.ops.Metrics;
import org.crisisdesk.testing.Fixtures;

/**
 * The bot as its own process, for {@link BotShutdownTest}: {@code ShutdownChild <proxy port> <work dir> <release
 * port>}, token in {@code DISCORD_TOKEN}. A question equal to {@link #HELD} is held on its worker, connected to the
 * test's release port, until the test writes a byte there: the test decides when the work in flight may finish
 * (after it has sent SIGTERM, which closes the child's standard streams).
 */
public final class ShutdownChild {

    static final String HELD = "which resolution ended minusma's mandate?";

    private ShutdownChild() {
    }

    public static void main(String[] args) throws Exception {
        int proxyPort = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        int releasePort = Integer.parseInt(args[2]);
        Engine engine = Engine.open(Fixtures.config(dir), ProgressListener.NONE);
        BotConfig config = new BotConfig(System.getenv("DISCORD_TOKEN"), Optional.of(900_000_000_000_000_100L),
                Set.of(), Optional.empty(), Duration.ZERO, dir.resolve("feedback.jsonl"), 1, Optional.empty(), 0);
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxyPort));
        Bot.Options options = new Bot.Options(Clock.systemUTC(), ProgressListener.NONE,
                builder -> builder.setProxy(proxy).setTrustAllCertificates(true), Duration.ofSeconds(30),
                () -> Bot.INLINE_BUDGET, question -> {
                    if (question.equals(HELD)) {
                        try (Socket release = new Socket(InetAddress.getLoopbackAddress(), releasePort)) {
                            System.out.println("released: " + release.getInputStream().read());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
        Bot.serve(config, engine, new Metrics(), options);
    }
}
