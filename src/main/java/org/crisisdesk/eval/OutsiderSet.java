package org.crisisdesk.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.knowledge.Names;

/**
 * Questions written by people who never read the knowledge base, each with the facts a correct answer must show
 * ({@code src/test/resources/outsider/}, format in {@code shared/eval/README.md}): tab-separated {@code id, category,
 * lang, question, must, should_answer}, and optional further columns (the pages that back the facts). A {@code must}
 * is groups separated by {@code ;}, all required, each alternatives separated by {@code |}, matched case- and
 * accent-insensitively in what a user sees first: the first snippet (title, date, text), or the first two for a
 * comparison. Scored exactly as the shared scorer {@code outsider.py} scores it.
 */
public record OutsiderSet(String name, List<Question> questions) {

    /** Where the outsider sets live in the repository. */
    public static final Path DEFAULT_LOCATION = Path.of("src", "test", "resources", "outsider");

    public OutsiderSet {
        questions = List.copyOf(questions);
    }

    /** One question; {@code mustGroups} empty and {@code shouldAnswer} false for one that must be refused. */
    public record Question(String id, String category, String lang, String text, List<List<String>> mustGroups,
            boolean shouldAnswer) {

        public Question {
            mustGroups = mustGroups.stream().map(List::copyOf).toList();
        }

        /** What the answer earns: right, wrong (answered without the fact), refused, or properly refused. */
        public Verdict judge(Answer answer) {
            if (!shouldAnswer) {
                return answer.answered() ? Verdict.ANSWERED_OFF_TOPIC : Verdict.REFUSED_RIGHTLY;
            }
            if (!answer.answered()) {
                return Verdict.REFUSED;
            }
            String shown = Names.fold(shown(answer, category.equals("comparative") ? 2 : 1));
            boolean all = mustGroups.stream().allMatch(group -> group.stream()
                    .anyMatch(alternative -> shown.contains(Names.fold(alternative))));
            return all && !answer.citations().isEmpty() ? Verdict.CORRECT : Verdict.MISSED;
        }

        /** Whether a candidate sentence, as a user would see it, shows every must-have fact. */
        public boolean shows(org.crisisdesk.answer.RankedSentence candidate) {
            String shown = Names.fold(candidate.shown());
            return mustGroups.stream().allMatch(group -> group.stream()
                    .anyMatch(alternative -> shown.contains(Names.fold(alternative))));
        }

        private static String shown(Answer answer, int snippets) {
            StringBuilder out = new StringBuilder();
            for (Snippet snippet : answer.snippets().subList(0, Math.min(snippets, answer.snippets().size()))) {
                snippet.title().ifPresent(t -> out.append(t).append(' '));
                snippet.date().ifPresent(d -> out.append(d).append(' '));
                out.append(snippet.textWithNote()).append(' ');
            }
            return out.toString();
        }
    }

    /** How one answer fares. */
    public enum Verdict {
        CORRECT, MISSED, REFUSED, REFUSED_RIGHTLY, ANSWERED_OFF_TOPIC;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Reads a TSV outsider set; lines starting with {@code #}, the header and blank lines are skipped. */
    public static OutsiderSet load(Path file) throws IOException {
        List<Question> questions = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 6) {
                throw new IOException(file + ":" + lineNumber + ": expected at least 6 tab-separated fields, found "
                        + fields.length);
            }
            List<List<String>> groups = new ArrayList<>();
            for (String group : fields[4].split(";")) {
                List<String> alternatives = new ArrayList<>();
                for (String alternative : group.split("\\|")) {
                    if (!alternative.strip().isEmpty()) {
                        alternatives.add(alternative.strip());
                    }
                }
                if (!alternatives.isEmpty()) {
                    groups.add(alternatives);
                }
            }
            questions.add(new Question(fields[0], fields[1], fields[2], fields[3], groups,
                    fields[5].strip().equalsIgnoreCase("yes")));
        }
        String name = file.getFileName().toString().replaceFirst("\\.tsv$", "");
        return new OutsiderSet(name, questions);
    }

    /** Every {@code *.tsv} of a directory, in name order, or the one file given. */
    public static List<OutsiderSet> loadAll(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(load(path));
        }
        List<OutsiderSet> sets = new ArrayList<>();
        try (var files = Files.list(path)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                sets.add(load(file));
            }
        }
        return sets;
    }
}
