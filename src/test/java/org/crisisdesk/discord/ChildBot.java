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
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.ops.Metrics;
import org.crisisdesk.testing.Fixtures;

/**
 * The bot as its own process, for {@link BotProcessTest}: {@code ChildBot <proxy port> <work dir> <release
 * port>}, configured by the environment as in production ({@code DISCORD_TOKEN}, {@code CRISISDESK_SHARDS}, …). A question equal to {@link #HELD} is held on its worker, connected to the
 * test's release port, until the test writes a byte there: the test decides when the work in flight may finish
 * (after it has sent SIGTERM, which closes the child's standard streams). With a fourth argument
 * {@code signal-when-serving} it connects to that port once it serves instead.
 */
public final class ChildBot {

    static final String HELD = "which resolution ended minusma's mandate?";

    private ChildBot() {
    }

    public static void main(String[] args) throws Exception {
        int proxyPort = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        int releasePort = Integer.parseInt(args[2]);
        Engine engine = Engine.open(Fixtures.config(dir), ProgressListener.NONE);
        BotConfig config = BotConfig.fromEnvironment(System.getenv());
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
        if (args.length > 3 && args[3].equals("signal-when-serving")) {
            // Javacord drops an interaction that arrives while a login is completing: the test waits for this.
            Bot bot = Bot.start(config, engine, options);
            try (Socket serving = new Socket(InetAddress.getLoopbackAddress(), releasePort)) {
                serving.getOutputStream().write('S');
            }
            Runtime.getRuntime().addShutdownHook(new Thread(bot::close));
            new java.util.concurrent.CountDownLatch(1).await();
        } else {
            Bot.serve(config, engine, new Metrics(), options);
        }
    }
}
