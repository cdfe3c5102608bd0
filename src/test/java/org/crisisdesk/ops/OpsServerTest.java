package org.crisisdesk.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
