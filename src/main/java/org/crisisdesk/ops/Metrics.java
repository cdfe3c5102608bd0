package org.crisisdesk.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.engine.EngineObserver;
import org.crisisdesk.index.ReindexReport;

/**
 * Counters for operators, rendered in Prometheus' text format: questions, abstentions, answer latency as a
 * histogram, reindexes and their duration, failed reindexes, and (when a front end says) the gateway's state.
 */
public final class Metrics implements EngineObserver {

    /** Upper bounds of the latency buckets, in seconds: a question takes about a millisecond, a slow one 50. */
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final LongAdder questions = new LongAdder();
    private final LongAdder abstentions = new LongAdder();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    private final LongAdder latencyNanos = new LongAdder();
    private final LongAdder reindexes = new LongAdder();
    private final LongAdder reindexFailures = new LongAdder();
    private final AtomicLong lastReindexMillis = new AtomicLong();
    /** The gateway state when no Discord front end runs. */
    public static final String NO_GATEWAY = "none";
    /** The gateway state of a bot whose every shard is connected. */
    public static final String CONNECTED = "connected";

    private volatile Supplier<String> gatewayState = () -> NO_GATEWAY;

    public Metrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Where the gateway connection stands ("connected", "reconnecting", …), asked at each scrape. */
    public void gatewayState(Supplier<String> state) {
        this.gatewayState = state;
    }

    /** Where the gateway connection stands now; {@link #NO_GATEWAY} without a bot. */
    public String gatewayState() {
        String state = gatewayState.get();
        return state == null ? "unknown" : state;
    }

    @Override
    public void answered(Answer answer, Duration took) {
        questions.increment();
        if (!answer.answered()) {
            abstentions.increment();
        }
        long nanos = took.toNanos();
        latencyNanos.add(nanos);
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                buckets[i].increment();
            }
        }
    }

    @Override
    public void reindexed(ReindexReport report) {
        reindexes.increment();
        lastReindexMillis.set(report.elapsed().toMillis());
    }

    @Override
    public void reindexFailed(Exception cause) {
        reindexFailures.increment();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String render() {
        StringBuilder out = new StringBuilder();
        counter(out, "crisisdesk_questions_total", "Questions asked.", questions.sum());
        counter(out, "crisisdesk_abstentions_total", "Questions answered with no sourced answer.", abstentions.sum());
        out.append("# HELP crisisdesk_answer_seconds Time to answer a question.\n");
        out.append("# TYPE crisisdesk_answer_seconds histogram\n");
        long count = questions.sum();
        for (int i = 0; i < BUCKETS.length; i++) {
            out.append(String.format(Locale.ROOT, "crisisdesk_answer_seconds_bucket{le=\"%s\"} %d%n",
                    trim(BUCKETS[i]), buckets[i].sum()));
        }
        out.append(String.format(Locale.ROOT, "crisisdesk_answer_seconds_bucket{le=\"+Inf\"} %d%n", count));
        out.append(String.format(Locale.ROOT, "crisisdesk_answer_seconds_sum %s%n", latencyNanos.sum() / 1e9));
        out.append(String.format(Locale.ROOT, "crisisdesk_answer_seconds_count %d%n", count));
        counter(out, "crisisdesk_reindexes_total", "Index generations published by this process.", reindexes.sum());
        counter(out, "crisisdesk_reindex_failures_total", "Reindexes refused or failed.", reindexFailures.sum());
        out.append("# HELP crisisdesk_last_reindex_seconds Duration of the last reindex.\n");
        out.append("# TYPE crisisdesk_last_reindex_seconds gauge\n");
        out.append(String.format(Locale.ROOT, "crisisdesk_last_reindex_seconds %s%n", lastReindexMillis.get() / 1000.0));
        out.append("# HELP crisisdesk_gateway_state The Discord gateway connection's state (1 for the current one).\n");
        out.append("# TYPE crisisdesk_gateway_state gauge\n");
        out.append("crisisdesk_gateway_state{state=\"").append(label(gatewayState())).append("\"} 1\n");
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static String trim(double value) {
        String text = Double.toString(value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** Label values may not hold quotes, backslashes or new lines. */
    private static String label(String value) {
        return value == null ? "unknown" : value.replaceAll("[\"\\\\\\n]", "_");
    }
}
