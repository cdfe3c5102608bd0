package org.crisisdesk.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.crisisdesk.discord.GatewayState.State;
import org.crisisdesk.ops.Metrics;
import org.junit.jupiter.api.Test;

class ConnectionAndShutdownStateTest {

    @Test
    void theLeastHealthyShardIsReportedToMetrics() throws Exception {
        GatewayState gateway = new GatewayState();
        Metrics metrics = new Metrics();
        metrics.gatewayState(gateway::summary);
        assertTrue(metrics.render().contains("crisisdesk_gateway_state{state=\"connecting\"} 1"), metrics.render());
        gateway.set(0, State.CONNECTED);
        gateway.set(1, State.CONNECTED);
        assertEquals("connected", gateway.summary());
        gateway.set(1, State.RECONNECTING);
        assertTrue(metrics.render().contains("crisisdesk_gateway_state{state=\"reconnecting\"} 1"), metrics.render());
        gateway.set(1, State.CONNECTED);
        gateway.set(0, State.DISCONNECTED);
        assertEquals("disconnected", gateway.summary());
        assertEquals(List.of("0:connected", "1:connected", "1:reconnecting", "1:connected", "0:disconnected"),
                gateway.history());
        assertTrue(gateway.awaitEntered(1, State.CONNECTED, 2, Duration.ZERO));
        assertFalse(gateway.awaitEntered(1, State.CONNECTED, 3, Duration.ofMillis(10)));
    }

    @Test
    void inFlightWorkIsAwaitedAndNewWorkRefusedWhileDraining() throws Exception {
        InFlight inFlight = new InFlight();
        java.util.concurrent.CompletableFuture<Void> work = inFlight.begin().orElseThrow();
        assertTrue(inFlight.accepting());
        assertEquals(1, inFlight.size());
        assertFalse(inFlight.drain(Duration.ofMillis(10)), "still in flight");
        assertFalse(inFlight.accepting(), "draining refuses new work");
        assertTrue(inFlight.begin().isEmpty(), "refused once draining");
        assertEquals(1, inFlight.size(), "a refusal is not in flight");
        work.complete(null);
        assertEquals(0, inFlight.size());
        assertTrue(inFlight.drain(Duration.ofMillis(10)));
    }
}
