package org.crisisdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Benchmark results as a Markdown table (for the README) and as JSON (for tools). */
public final class BenchReport {

    private BenchReport() {
    }

    public static String markdown(List<BenchResult> results, String machine) {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append("\n\n");
        out.append("| size | passages | build s | passages/s | index MiB | reindex s | ask p50 | p95 | p99 | max ms "
                + "| bare p50 | p99 ms | ask/bare p50 | p99 | timeline p50 | p99 ms | questions/s by threads "
                + "| bare questions/s | heap MiB load / run | ready s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|")
                .append('\n');
        for (BenchResult r : results) {
            String throughput = byThreads(r.throughput());
            String bareThroughput = byThreads(r.bareThroughput());
            out.append(String.format(Locale.ROOT,
                    "| %s | %d | %.1f | %.0f | %.1f | %.1f | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f | %.1f | %.1f "
                            + "| %.2f | %.2f | %s | %s | %.0f / %.0f | %s |%n",
                    r.size(), r.passages(), r.buildSeconds(), r.passagesPerSecond(), r.indexMiB(),
                    r.reindexSeconds(), r.ask().p50(), r.ask().p95(), r.ask().p99(), r.ask().max(), r.bare().p50(),
                    r.bare().p99(), r.ratioP50(), r.ratioP99(), r.timeline().p50(), r.timeline().p99(), throughput,
                    bareThroughput,
                    r.heapAfterLoadMiB(), r.heapAfterRunMiB(),
                    Double.isNaN(r.readySeconds()) ? "" : String.format(Locale.ROOT, "%.2f", r.readySeconds())));
        }
        return out.toString();
    }

    private static String byThreads(Map<Integer, Double> perSecond) {
        return perSecond.entrySet().stream()
                .map(e -> e.getKey() + ": " + Math.round(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    public static void json(List<BenchResult> results, String machine, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), Map.of("machine", machine, "results", results));
    }
}
