package org.crisisdesk.bench;

import java.util.Map;

/**
 * What one size measured. Latencies are milliseconds; {@code throughput} and {@code bareThroughput} (Lucene's own
 * search, the floor) map a thread count to questions per second; heap figures are MiB in use after a full GC;
 * {@code readySeconds} is from starting a new JVM to its first answer, NaN when not measured.
 */
public record BenchResult(
        String size,
        int passages,
        int events,
        double buildSeconds,
        double passagesPerSecond,
        double indexMiB,
        double reindexSeconds,
        Latency ask,
        Latency timeline,
        Latency bare,
        Map<Integer, Double> throughput,
        Map<Integer, Double> bareThroughput,
        double heapAfterLoadMiB,
        double heapAfterRunMiB,
        double readySeconds) {

    /** Percentiles of one kind of call, in milliseconds. */
    public record Latency(int calls, double p50, double p95, double p99, double max) {

        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            java.util.Arrays.sort(sorted);
            return new Latency(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.95),
                    percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        private static double percentile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /** What our analysis, snippets and citations cost on top of Lucene's own search, at the median and at p99. */
    public double ratioP50() {
        return bare.p50() == 0 ? 0 : ask.p50() / bare.p50();
    }

    public double ratioP99() {
        return bare.p99() == 0 ? 0 : ask.p99() / bare.p99();
    }
}
