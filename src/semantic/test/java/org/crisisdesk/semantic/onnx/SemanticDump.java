package org.crisisdesk.semantic.onnx;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.engine.Engine;
import org.crisisdesk.engine.EngineConfig;
import org.crisisdesk.eval.QuestionSet;
import org.crisisdesk.index.Fields;
import org.crisisdesk.index.Generation;
import org.crisisdesk.index.IndexStore;
import org.crisisdesk.index.IndexedSentence;
import org.crisisdesk.index.Language;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.semantic.Embedder;
import org.crisisdesk.semantic.SentenceVectors;
import org.crisisdesk.semantic.Vectors;

/**
 * For rule design (issue 12): one row per question of the development set and outsider sets a and b (never the
 * held-out c) with what the engine (without the model) answered and what the best-cosine sentence would have been,
 * so that combination rules can be simulated without rebuilding. Run from the project root, CRISISDESK_SEMANTIC
 * unset: {@code java -cp target/crisisdesk.jar:target/test-classes org.crisisdesk.semantic.onnx.SemanticDump e5 OUT}.
 */
public final class SemanticDump {

    private record Item(int doc, int sentence, String id, String shownEn, String shownFr, List<String> names) {
    }

    public static void main(String[] args) throws Exception {
        Embedder embedder = (args[0].equals("e5") ? new E5Provider() : new BgeProvider()).load();
        IndexStore store = new IndexStore(Path.of("index"));
        String name = store.current().orElseThrow();
        Generation generation = Generation.open(name, store.directory(name));
        IndexReader reader = generation.searcher().getIndexReader();
        SentenceVectors vectors = SentenceVectors.cached(reader, embedder, store.directory(name));
        List<Item> items = items(reader);
        Engine engine = Engine.open(EngineConfig.fromEnvironment(System.getenv()),
                org.crisisdesk.index.ProgressListener.NONE);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            out.println("set\tid\tcategory\tshould\tanswered\toutcome\tconfidence\tengine_ok\tengine_id\tengine_cos"
                    + "\tdense_ok\tdense_id\tdense_cos\tdense_second_doc_cos\tlang\tcorroborated");
            int n = 0;
            for (QuestionSet.Question q : QuestionSet.load(QuestionSet.DEFAULT_LOCATION).questions()) {
                Answer a = engine.ask(q.q());
                Row r = row(a, q.q(), embedder, items, vectors);
                boolean engineOk = a.answered() && q.answeredBy(a.snippets().get(0).id(), a.snippets().get(0).text());
                boolean denseOk = q.answeredBy(r.dense.id(), "");
                out.println(String.join("\t", "dev", "d" + (n++), q.category(), q.offTopic() ? "no" : "yes",
                        r.tail(engineOk, denseOk)));
            }
            for (String set : List.of("a", "b")) {
                for (OutsiderLine q : OutsiderLine.read(set)) {
                    Answer a = engine.ask(q.question());
                    Row r = row(a, q.question(), embedder, items, vectors);
                    boolean engineOk = q.should() && a.answered() && SemanticHarness.matches(q.must(), shown(a, q));
                    String dense = r.language == Language.FR ? r.dense.shownFr() : r.dense.shownEn();
                    boolean denseOk = q.should() && SemanticHarness.matches(q.must(), dense);
                    out.println(String.join("\t", set, q.id(), q.category(), q.should() ? "yes" : "no",
                            r.tail(engineOk, denseOk)));
                }
            }
        }
        heldOut(engine, embedder, items, vectors, args[0].equals("e5") ? new double[] {0.80, 0.83, 0.85, 0.86, 0.87}
                : new double[] {0.70, 0.72, 0.74}, args[0].equals("e5") ? 0.79 : 0.52);
        engine.close();
        System.exit(0);
    }

    /** One question of an outsider set (the TSV format of src/test/resources/outsider/). */
    private record OutsiderLine(String id, String category, String question, String must, boolean should) {
        static List<OutsiderLine> read(String set) throws java.io.IOException {
            List<OutsiderLine> lines = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/test/resources/outsider/outsider-" + set + ".tsv"))) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                    continue;
                }
                String[] p = line.split("\t", -1);
                lines.add(new OutsiderLine(p[0], p[1], p[3], p[4], !p[5].strip().equalsIgnoreCase("no")));
            }
            return lines;
        }
    }

    /** What the user sees first, as the outsider judge reads it: one snippet, two for a comparison. */
    private static String shown(Answer a, OutsiderLine q) {
        if (!a.answered()) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        int first = Math.min(q.category().equals("comparative") ? 2 : 1, a.snippets().size());
        for (Snippet s : a.snippets().subList(0, first)) {
            shown.append(' ').append(s.title().orElse("")).append(' ')
                    .append(s.date().map(PartialDate::toString).orElse("")).append(' ').append(s.text());
        }
        return shown.toString();
    }

    /**
     * The held-out set, in aggregate only: correct answers and off-topic questions answered by the engine alone, with
     * the fallback (answer a refused question with the best-cosine sentence at or above t) and with the veto (refuse
     * an answer whose first snippet's best sentence is below v). No row of it is printed or written.
     */
    private static void heldOut(Engine engine, Embedder embedder, List<Item> items, SentenceVectors vectors,
            double[] fallbacks, double veto) throws Exception {
        int answerable = 0;
        int offTopic = 0;
        int engineOk = 0;
        int engineOff = 0;
        int[] fallbackOk = new int[fallbacks.length];
        int[] fallbackOff = new int[fallbacks.length];
        int[] fallbackWrong = new int[fallbacks.length];
        int[] corrOk = new int[fallbacks.length];
        int[] corrWrong = new int[fallbacks.length];
        int[] corrOff = new int[fallbacks.length];
        int vetoOk = 0;
        int vetoOff = 0;
        for (OutsiderLine q : OutsiderLine.read("c")) {
            boolean should = q.should();
            Answer a = engine.ask(q.question());
            Row r = row(a, q.question(), embedder, items, vectors);
            boolean ok = should && a.answered() && SemanticHarness.matches(q.must(), shown(a, q));
            boolean denseOk = should && SemanticHarness.matches(q.must(),
                    r.language == Language.FR ? r.dense.shownFr() : r.dense.shownEn());
            boolean vetoed = a.answered() && r.engineCos < veto;
            if (should) {
                answerable++;
                engineOk += ok ? 1 : 0;
                vetoOk += ok && !vetoed ? 1 : 0;
            } else {
                offTopic++;
                engineOff += a.answered() ? 1 : 0;
                vetoOff += a.answered() && !vetoed ? 1 : 0;
            }
            for (int i = 0; i < fallbacks.length; i++) {
                boolean fires = !a.answered() && a.outcome() == Answer.Outcome.NO_ANSWER && r.denseCos >= fallbacks[i];
                boolean corr = fires && r.corroborated();
                if (should) {
                    corrOk[i] += ok || corr && denseOk ? 1 : 0;
                    corrWrong[i] += corr && !denseOk ? 1 : 0;
                } else {
                    corrOff[i] += a.answered() || corr ? 1 : 0;
                }
                if (should) {
                    fallbackOk[i] += ok || fires && denseOk ? 1 : 0;
                    fallbackWrong[i] += fires && !denseOk ? 1 : 0;
                } else {
                    fallbackOff[i] += a.answered() || fires ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "held-out c (aggregate): engine %d/%d correct, %d/%d off-topic answered%n",
                engineOk, answerable, engineOff, offTopic);
        for (int i = 0; i < fallbacks.length; i++) {
            System.out.printf(Locale.ROOT, "  fallback t=%.2f: %d/%d correct, %d refusals turned into wrong answers,"
                    + " %d/%d off-topic answered%n", fallbacks[i], fallbackOk[i], answerable, fallbackWrong[i],
                    fallbackOff[i], offTopic);
            System.out.printf(Locale.ROOT, "  fallback t=%.2f corroborated by the refusal's nearest topics: %d/%d correct,"
                    + " %d wrong, %d/%d off-topic answered%n", fallbacks[i], corrOk[i], answerable, corrWrong[i],
                    corrOff[i], offTopic);
        }
        System.out.printf(Locale.ROOT, "  veto below %.2f: %d/%d correct, %d/%d off-topic answered%n", veto, vetoOk,
                answerable, vetoOff, offTopic);
    }

    private record Row(Answer answer, Language language, double engineCos, Item dense, double denseCos,
            double secondDocCos) {
        /** A refusal's nearest topics (the closest texts by words) name the best-cosine sentence's text. */
        boolean corroborated() {
            return !answer.answered() && answer.suggestions().stream()
                    .anyMatch(t -> dense.names().stream().anyMatch(n -> !n.isEmpty() && n.equals(t)));
        }

        String tail(boolean engineOk, boolean denseOk) {
            return String.join("\t", String.valueOf(answer.answered()), answer.outcome().name(),
                    String.format(Locale.ROOT, "%.3f", answer.confidence()), String.valueOf(engineOk),
                    answer.answered() ? answer.snippets().get(0).id() : "-",
                    String.format(Locale.ROOT, "%.4f", engineCos), String.valueOf(denseOk), dense.id(),
                    String.format(Locale.ROOT, "%.4f", denseCos), String.format(Locale.ROOT, "%.4f", secondDocCos),
                    language.code(), String.valueOf(corroborated()));
        }
    }

    private static Row row(Answer a, String question, Embedder embedder, List<Item> items, SentenceVectors vectors) {
        Language language = a.language();
        float[] asked = embedder.query(question);
        double engineCos = Double.NaN;
        String engineId = a.answered() ? a.snippets().get(0).id() : null;
        Item best = null;
        double bestCos = -2;
        double secondDoc = -2;
        for (Item it : items) {
            double c = Vectors.dot(asked, vectors.get(it.doc(), it.sentence(), language));
            if (it.id().equals(engineId)) {
                engineCos = Double.isNaN(engineCos) ? c : Math.max(engineCos, c);
            }
            if (c > bestCos) {
                if (best != null && !best.id().equals(it.id())) {
                    secondDoc = bestCos;
                }
                best = it;
                bestCos = c;
            } else if (!it.id().equals(best.id()) && c > secondDoc) {
                secondDoc = c;
            }
        }
        return new Row(a, language, engineCos, best, bestCos, secondDoc);
    }

    private static List<Item> items(IndexReader reader) throws Exception {
        List<Item> items = new ArrayList<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document d = reader.storedFields().document(doc);
            boolean event = Fields.KIND_EVENT.equals(d.get(Fields.KIND));
            String title = event ? "" : orElse(d.get(Fields.TITLE), "");
            String titleFr = event ? "" : orElse(d.get(Fields.TITLE_FR), title);
            String date = event ? PartialDate.parse(d.get(Fields.DATE)).map(PartialDate::toString).orElse("") : "";
            List<IndexedSentence> sentences = event
                    ? List.of(new IndexedSentence(d.get(Fields.TEXT), orElse(d.get(Fields.TEXT_FR), d.get(Fields.TEXT)),
                            List.of(), "", "", false))
                    : IndexedSentence.decode(d.get(Fields.SENTENCES));
            for (int i = 0; i < sentences.size(); i++) {
                List<String> names = new ArrayList<>(List.of(title, titleFr));
                names.addAll(java.util.Arrays.asList(d.getValues(Fields.TOPIC_LABEL)));
                items.add(new Item(doc, i, d.get(Fields.ID), title + " " + date + " " + sentences.get(i).en(),
                        titleFr + " " + date + " " + sentences.get(i).fr(), names));
            }
        }
        return items;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
