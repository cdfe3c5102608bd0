package org.crisisdesk.semantic.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.crisisdesk.answer.LanguageDetector;
import org.crisisdesk.eval.QuestionSet;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.IndexedSentence;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.semantic.Embedder;
import org.crisisdesk.semantic.EmbedderProvider;
import org.crisisdesk.semantic.SentenceVectors;
import org.crisisdesk.semantic.Vectors;

/**
 * Offline measurement of embeddings alone (issue 12): for each question, the sentence of the whole knowledge base
 * with the best cosine, and whether it is right; and how the best cosine separates answerable from off-topic
 * questions. Not a test: run from the project root after {@code mvn -Psemantic -DskipTests package} with
 * {@code java -cp target/crisisdesk.jar:target/test-classes org.crisisdesk.semantic.onnx.SemanticHarness bge}.
 * The held-out set ({@code outsider-c.tsv}) is reported only in aggregate: no question or miss of it is printed.
 */
public final class SemanticHarness {

    private record Item(int doc, int sentence, String id, String title, String titleFr, String date, String dateFr,
            String en, String fr) {
    }

    private record Best(Item item, float cosine, List<String> topDocs) {
    }

    public static void main(String[] args) throws Exception {
        String key = args.length > 0 ? args[0] : "bge";
        EmbedderProvider provider = key.equals("e5") ? new E5Provider() : new BgeProvider();
        long t0 = System.nanoTime();
        Embedder embedder = provider.load();
        embedder.query("warm up");
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "model %s loaded (first embedding included) in %d ms%n", embedder.name(),
                (t1 - t0) / 1_000_000);
        IndexStore store = new IndexStore(Path.of("index"));
        String name = store.current().orElseThrow();
        Generation generation = Generation.open(name, store.directory(name));
        IndexReader reader = generation.searcher().getIndexReader();
        long t2 = System.nanoTime();
        SentenceVectors vectors = SentenceVectors.build(reader, embedder);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "embedded %d distinct sentences in %d ms%n", vectors.count(),
                (t3 - t2) / 1_000_000);
        List<Item> items = items(reader);
        System.out.printf(Locale.ROOT, "%d sentences in %d documents%n", items.size(), reader.numDocs());

        List<Long> queryNanos = new ArrayList<>();
        // (a) and (b) on the development set.
        QuestionSet dev = QuestionSet.load(QuestionSet.DEFAULT_LOCATION);
        Map<String, int[]> perCategory = new LinkedHashMap<>();
        List<Float> devAnswerable = new ArrayList<>();
        List<Float> devOff = new ArrayList<>();
        for (QuestionSet.Question q : dev.questions()) {
            Language language = LanguageDetector.detect(q.q()).orElse(Language.EN);
            long s = System.nanoTime();
            float[] asked = embedder.query(q.q());
            queryNanos.add(System.nanoTime() - s);
            Best best = best(asked, language, items, vectors);
            if (q.offTopic()) {
                devOff.add(best.cosine());
                continue;
            }
            devAnswerable.add(best.cosine());
            int[] counts = perCategory.computeIfAbsent(q.category(), c -> new int[3]);
            counts[0]++;
            if (q.expect().contains(best.item().id())) {
                counts[1]++;
            }
            if (best.topDocs().stream().anyMatch(q.expect()::contains)) {
                counts[2]++;
            }
        }
        System.out.println("\n## dev set, embeddings alone (best-cosine sentence over the whole base)");
        System.out.println("| category | n | hit@1 (doc of best sentence) | hit@3 (docs of best sentences) |");
        int[] all = new int[3];
        for (Map.Entry<String, int[]> e : perCategory.entrySet()) {
            int[] c = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", e.getKey(), c[0], c[1] / (double) c[0],
                    c[2] / (double) c[0]);
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        }
        System.out.printf(Locale.ROOT, "| **answerable** | %d | %.3f | %.3f |%n", all[0], all[1] / (double) all[0],
                all[2] / (double) all[0]);
        separation("dev set", devAnswerable, devOff);

        for (String set : List.of("a", "b", "c")) {
            outsider(set, embedder, items, vectors, queryNanos);
        }
        long[] sorted = queryNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nquestion embedding: %d questions, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.length, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "heap used after: %d MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        System.exit(0);
    }

    private static void outsider(String set, Embedder embedder, List<Item> items, SentenceVectors vectors,
            List<Long> queryNanos) throws Exception {
        boolean heldOut = set.equals("c");
        Path file = Path.of("src/test/resources/outsider/outsider-" + set + ".tsv");
        Map<String, int[]> perCategory = new LinkedHashMap<>();
        List<Float> answerable = new ArrayList<>();
        List<Float> off = new ArrayList<>();
        int n = 0;
        int correct = 0;
        List<String> hits = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                continue;
            }
            String[] p = line.split("\t", -1);
            String category = p[1];
            Language language = p[2].equals("fr") ? Language.FR : Language.EN;
            String question = p[3];
            String must = p[4];
            boolean should = !p[5].strip().equalsIgnoreCase("no");
            long s = System.nanoTime();
            float[] asked = embedder.query(question);
            queryNanos.add(System.nanoTime() - s);
            Best best = best(asked, language, items, vectors);
            if (!should) {
                off.add(best.cosine());
                continue;
            }
            answerable.add(best.cosine());
            n++;
            Item it = best.item();
            String shown = language == Language.FR
                    ? it.titleFr() + " " + it.dateFr() + " " + it.fr()
                    : it.title() + " " + it.date() + " " + it.en();
            boolean hit = matches(must, shown);
            if (hit) {
                correct++;
                if (!heldOut) {
                    hits.add(p[0]);
                }
            }
            int[] c = perCategory.computeIfAbsent(category, k -> new int[2]);
            c[0]++;
            if (hit) {
                c[1]++;
            }
        }
        System.out.printf(Locale.ROOT, "%n## outsider-%s, embeddings alone: best-cosine sentence shows the fact: %d/%d%n",
                set, correct, n);
        if (!heldOut) {
            System.out.println("  correct ids: " + String.join(" ", hits));
            for (Map.Entry<String, int[]> e : perCategory.entrySet()) {
                System.out.printf(Locale.ROOT, "  %-16s %d/%d%n", e.getKey(), e.getValue()[1], e.getValue()[0]);
            }
        }
        separation("outsider-" + set, answerable, off);
    }

    /** How the best cosine separates answerable from off-topic questions. */
    private static void separation(String set, List<Float> answerable, List<Float> off) {
        float[] a = toSorted(answerable);
        float[] o = toSorted(off);
        System.out.printf(Locale.ROOT, "  best cosine, %s answerable (%d): p10 %.3f median %.3f p90 %.3f | off-topic"
                + " (%d): min %.3f median %.3f p90 %.3f max %.3f%n", set, a.length, q(a, 0.1), q(a, 0.5), q(a, 0.9),
                o.length, o.length == 0 ? 0 : o[0], q(o, 0.5), q(o, 0.9), o.length == 0 ? 0 : o[o.length - 1]);
        if (o.length == 0) {
            return;
        }
        float above = o[o.length - 1] + 1e-4f;
        long kept = answerable.stream().filter(x -> x >= above).count();
        double bestAccuracy = 0;
        float bestT = 0;
        for (float t = 0.3f; t < 1f; t += 0.005f) {
            float threshold = t;
            long okA = answerable.stream().filter(x -> x >= threshold).count();
            long okO = off.stream().filter(x -> x < threshold).count();
            double acc = (okA + okO) / (double) (a.length + o.length);
            if (acc > bestAccuracy) {
                bestAccuracy = acc;
                bestT = t;
            }
        }
        float bt = bestT;
        System.out.printf(Locale.ROOT, "  threshold refusing every off-topic one (%.3f) keeps %d/%d answerable;"
                + " best-accuracy threshold %.3f: %d/%d answerable kept, %d/%d off-topic let through%n", above, kept,
                a.length, bt, answerable.stream().filter(x -> x >= bt).count(), a.length,
                off.stream().filter(x -> x >= bt).count(), o.length);
    }

    private static float[] toSorted(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    private static float q(float[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
    }

    private static Best best(float[] asked, Language language, List<Item> items, SentenceVectors vectors) {
        float[] scores = new float[items.size()];
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            scores[i] = Vectors.dot(asked, vectors.get(it.doc(), it.sentence(), language));
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Float.compare(scores[y], scores[x]));
        Set<String> top = new LinkedHashSet<>();
        for (int i = 0; i < order.length && top.size() < 3; i++) {
            top.add(items.get(order[i]).id());
        }
        return new Best(items.get(order[0]), scores[order[0]], new ArrayList<>(top));
    }

    private static List<Item> items(IndexReader reader) throws Exception {
        List<Item> items = new ArrayList<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document d = reader.storedFields().document(doc);
            boolean event = Fields.KIND_EVENT.equals(d.get(Fields.KIND));
            String id = d.get(Fields.ID);
            String title = event ? "" : orElse(d.get(Fields.TITLE), "");
            String titleFr = event ? "" : orElse(d.get(Fields.TITLE_FR), title);
            String date = "";
            String dateFr = "";
            if (event) {
                PartialDate when = PartialDate.parse(d.get(Fields.DATE)).orElseThrow();
                date = when.display();
                dateFr = when.display("fr");
            }
            List<IndexedSentence> sentences = event
                    ? List.of(new IndexedSentence(d.get(Fields.TEXT), orElse(d.get(Fields.TEXT_FR), d.get(Fields.TEXT)),
                            List.of(), "", "", false))
                    : IndexedSentence.decode(d.get(Fields.SENTENCES));
            for (int i = 0; i < sentences.size(); i++) {
                items.add(new Item(doc, i, id, title, titleFr, date, dateFr, sentences.get(i).en(),
                        sentences.get(i).fr()));
            }
        }
        return items;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** The outsider scorer's rule: every ';' group has one '|' alternative in the text, case and accents folded. */
    static boolean matches(String must, String text) {
        String folded = fold(text);
        for (String group : must.split(";")) {
            if (group.isBlank()) {
                continue;
            }
            boolean any = false;
            for (String alt : group.split("\\|")) {
                if (!alt.isBlank() && folded.contains(fold(alt.strip()))) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    }
}
