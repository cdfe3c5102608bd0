package org.crisisdesk.semantic.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.eval.QuestionSet;

/**
 * Ask latency on the shipped base with whatever CRISISDESK_SEMANTIC* says, for comparisons quicker than
 * {@code bench}: the development set and outsider sets a and b (their questions only), three warm-up rounds, then
 * five measured rounds, one thread. Also the time from opening the engine to its first answer.
 */
public final class SemanticLatency {

    public static void main(String[] args) throws Exception {
        List<String> questions = new ArrayList<>();
        for (QuestionSet.Question q : QuestionSet.load(QuestionSet.DEFAULT_LOCATION).questions()) {
            questions.add(q.q());
        }
        for (String set : List.of("a", "b")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/outsider/outsider-" + set + ".tsv"))) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("id\t")) {
                    questions.add(line.split("\t", -1)[3]);
                }
            }
        }
        long t0 = System.nanoTime();
        Engine engine = Engine.open(EngineConfig.fromEnvironment(System.getenv()),
                org.crisisdesk.index.ProgressListener.NONE);
        engine.ask("what is jnim");
        long t1 = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            questions.forEach(engine::ask);
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long[] nanos = new long[questions.size() * 5];
        int i = 0;
        for (int round = 0; round < 5; round++) {
            for (String q : questions) {
                long s = System.nanoTime();
                engine.ask(q);
                nanos[i++] = System.nanoTime() - s;
            }
        }
        double cpuPerAsk = (os.getProcessCpuTime() - cpu0) / 1e6 / nanos.length;
        Arrays.sort(nanos);
        System.gc();
        System.out.printf(Locale.ROOT, "semantic=%s threshold=%s: open to first answer %d ms; %d asks p50 %.2f"
                + " p95 %.2f p99 %.2f max %.1f ms; process CPU %.2f ms per ask; heap after GC %d MB; load %.1f%n", System.getenv("CRISISDESK_SEMANTIC"),
                System.getenv("CRISISDESK_SEMANTIC_THRESHOLD"),
                (t1 - t0) / 1_000_000, nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6, cpuPerAsk,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, os.getSystemLoadAverage());
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS") || line.startsWith("VmHWM")) {
                System.out.println("  " + line.replaceAll("\\s+", " "));
            }
        }
        engine.close();
        System.exit(0);
    }
}
