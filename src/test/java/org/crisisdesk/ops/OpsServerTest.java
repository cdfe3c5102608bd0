package org.crisisdesk.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.index.ProgressListener;
import org.crisisdesk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsServerTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(OpsServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHealthAndPrometheusMetricsFedByTheEngine(@TempDir Path dir) throws Exception {
        Metrics metrics = new Metrics();
        try (Engine engine = Fixtures.engine(dir);
                OpsServer server = OpsServer.start("127.0.0.1", 0, engine, metrics)) {
            engine.observe(metrics);
            engine.ask("which resolution ended minusma's mandate?");
            engine.ask("how do I bake bread?");
            engine.reindex(ProgressListener.NONE);
            metrics.gatewayState(() -> "connected");

            HttpResponse<String> health = get(server, "/healthz");
            assertEquals(200, health.statusCode());
            assertTrue(health.body().startsWith("ok 3 passages, 4 events"), health.body());

            HttpResponse<String> scrape = get(server, "/metrics");
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            String body = scrape.body();
            assertTrue(body.contains("\ncrisisdesk_questions_total 2\n"), body);
            assertTrue(body.contains("\ncrisisdesk_abstentions_total 1\n"), body);
            assertTrue(body.contains("crisisdesk_answer_seconds_bucket{le=\"+Inf\"} 2\n"), body);
            assertTrue(body.contains("crisisdesk_answer_seconds_count 2\n"), body);
            assertTrue(body.contains("\ncrisisdesk_reindexes_total 1\n"), body);
            assertTrue(body.contains("crisisdesk_gateway_state{state=\"connected\"} 1"), body);
            for (String line : body.split("\n")) {
                assertTrue(line.startsWith("#") || line.matches("[a-z_]+(\\{[^}]*\\})? [0-9.E+-]+"), line);
            }
        }
    }

    /** A server over a stand-in index, with a short read timeout so the tests need not wait long. */
    private static OpsServer server(Supplier<String> index, Metrics metrics) throws IOException {
        return OpsServer.start("127.0.0.1", 0, index, metrics, Duration.ofMillis(500), OpsServer.WORKERS);
    }

    /** Sends {@code request} as it is and returns everything the server sent back before closing. */
    private static String raw(OpsServer server, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aStalledClientDoesNotBlockTheNextProbeAndIsDroppedAfterTheReadTimeout() throws Exception {
        Metrics metrics = new Metrics();
        try (OpsServer server = server(() -> "3 passages, 4 events", metrics);
                Socket stalled = new Socket(InetAddress.getLoopbackAddress(), server.port());
                Socket halfway = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            // One client sends nothing, another half a request line; neither may hold up a probe.
            halfway.getOutputStream().write("GET /heal".getBytes(StandardCharsets.ISO_8859_1));
            halfway.getOutputStream().flush();
            long start = System.nanoTime();
            HttpResponse<String> health = get(server, "/healthz");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, health.statusCode());
            assertEquals("ok 3 passages, 4 events\n", health.body());
            assertTrue(millis < 2_000, "answered in " + millis + " ms beside the stalled clients");

            // The server, not the client, ends the stalled connections, once their time is up.
            for (Socket socket : List.of(stalled, halfway)) {
                socket.setSoTimeout(10_000);
                String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
            }
        }
    }

    @Test
    void asManyStalledClientsAsWorkersDelayAProbeByAtMostTheReadTimeout() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (OpsServer server = server(() -> "3 passages, 4 events", new Metrics())) {
            for (int i = 0; i < OpsServer.WORKERS + 2; i++) {
                stalled.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
            }
            HttpResponse<String> health = get(server, "/healthz");
            assertEquals(200, health.statusCode(), "served once the stalled ones timed out");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void pathsMatchExactlyAndOnlyGetIsServed() throws Exception {
        try (OpsServer server = server(() -> "3 passages, 4 events", new Metrics())) {
            assertEquals(404, get(server, "/healthzanything").statusCode());
            assertEquals(404, get(server, "/healthz/").statusCode());
            assertEquals(404, get(server, "/metricsx").statusCode());
            assertEquals(404, get(server, "/").statusCode());
            assertEquals(200, get(server, "/healthz?verbose=1").statusCode(), "a query string is not the path");
            assertEquals(200, get(server, "/metrics").statusCode());
            String post = raw(server, "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertTrue(post.startsWith("HTTP/1.1 405 ") && post.contains("Allow: GET"), post);
            assertTrue(raw(server, "nonsense\r\n\r\n").startsWith("HTTP/1.1 400 "));
            assertTrue(raw(server, "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 414 "));
            assertTrue(raw(server, "GET /healthz HTTP/1.1\r\n" + "X-A: b\r\n".repeat(200) + "\r\n")
                    .startsWith("HTTP/1.1 431 "));
        }
    }

    @Test
    void anUnreadableIndexIs503WithoutTheExceptionsText() throws Exception {
        Supplier<String> broken = () -> {
            throw new IllegalStateException("/var/secret/index/gen-000042 is corrupt: checksum 0xdeadbeef");
        };
        try (OpsServer server = server(broken, new Metrics())) {
            HttpResponse<String> health = get(server, "/healthz");
            assertEquals(503, health.statusCode());
            assertEquals("unhealthy: the index cannot be read (see the log)\n", health.body());
        }
    }

    @Test
    void healthFollowsTheGatewayWhenABotRuns() throws Exception {
        Metrics metrics = new Metrics();
        AtomicReference<String> gateway = new AtomicReference<>("connecting");
        metrics.gatewayState(gateway::get);
        try (OpsServer server = server(() -> "3 passages, 4 events", metrics)) {
            HttpResponse<String> connecting = get(server, "/healthz");
            assertEquals(503, connecting.statusCode());
            assertEquals("unhealthy: gateway connecting\n", connecting.body());
            gateway.set("connected");
            HttpResponse<String> connected = get(server, "/healthz");
            assertEquals(200, connected.statusCode());
            assertEquals("ok 3 passages, 4 events; gateway connected\n", connected.body());
            gateway.set("reconnecting");
            assertEquals(503, get(server, "/healthz").statusCode());
        }
    }

    @Test
    void bucketsAreCumulative() {
        Metrics metrics = new Metrics();
        var refused = new org.crisisdesk.answer.Answer("q", false, 0, java.util.List.of(), java.util.List.of(),
                java.util.Optional.of("no"), java.util.List.of(), java.util.Optional.empty());
        metrics.answered(refused, Duration.ofMillis(3));
        metrics.answered(refused, Duration.ofMillis(30));
        String body = metrics.render();
        assertTrue(body.contains("crisisdesk_answer_seconds_bucket{le=\"0.001\"} 0\n"), body);
        assertTrue(body.contains("crisisdesk_answer_seconds_bucket{le=\"0.005\"} 1\n"), body);
        assertTrue(body.contains("crisisdesk_answer_seconds_bucket{le=\"0.05\"} 2\n"), body);
    }
}
