package org.crisisdesk.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.index.Language;

/**
 * One outsider set's results: per category, how many answers were correct, missed the fact, were refused though
 * answerable, or refused rightly; and how many French questions were answered in French.
 */
public final class OutsiderReport {

    private final String name;
    private final Map<String, Map<OutsiderSet.Verdict, Integer>> byCategory = new TreeMap<>();
    private int frenchAnswered;
    private int frenchInFrench;

    public OutsiderReport(String name) {
        this.name = name;
    }

    public void add(OutsiderSet.Question question, Answer answer, OutsiderSet.Verdict verdict) {
        for (String key : List.of(question.category(), EvaluationReport.OVERALL)) {
            byCategory.computeIfAbsent(key, k -> new EnumMap<>(OutsiderSet.Verdict.class)).merge(verdict, 1,
                    Integer::sum);
        }
        if (question.lang().equals("fr") && answer.answered()) {
            frenchAnswered++;
            frenchInFrench += answer.language() == Language.FR ? 1 : 0;
        }
    }

    public String name() {
        return name;
    }

    public int count(String category, OutsiderSet.Verdict verdict) {
        return byCategory.getOrDefault(category, Map.of()).getOrDefault(verdict, 0);
    }

    /** Answerable questions in a category (everything but the off-topic ones). */
    public int answerable(String category) {
        return count(category, OutsiderSet.Verdict.CORRECT) + count(category, OutsiderSet.Verdict.MISSED)
                + count(category, OutsiderSet.Verdict.REFUSED);
    }

    public int offTopic(String category) {
        return count(category, OutsiderSet.Verdict.REFUSED_RIGHTLY)
                + count(category, OutsiderSet.Verdict.ANSWERED_OFF_TOPIC);
    }

    public Iterable<String> categories() {
        return byCategory.keySet();
    }

    public int frenchAnswered() {
        return frenchAnswered;
    }

    public int frenchInFrench() {
        return frenchInFrench;
    }

    /** A Markdown table: per category, correct / answerable, missed, refused, off-topic refused. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(name).append(" | correct | missed | refused | off-topic refused |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (String category : byCategory.keySet()) {
            if (category.equals(EvaluationReport.OVERALL)) {
                continue;
            }
            out.append(row(category));
        }
        out.append(row(EvaluationReport.OVERALL).replaceFirst("\\| all \\|", "| **all** |"));
        out.append(String.format(Locale.ROOT, "French questions answered in French: %d of %d%n", frenchInFrench,
                frenchAnswered));
        return out.toString();
    }

    private String row(String category) {
        int answerable = answerable(category);
        int off = offTopic(category);
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %s |%n", category,
                answerable == 0 ? "" : String.format(Locale.ROOT, "%d/%d (%.0f%%)", count(category,
                        OutsiderSet.Verdict.CORRECT), answerable, 100.0 * count(category, OutsiderSet.Verdict.CORRECT)
                        / answerable),
                count(category, OutsiderSet.Verdict.MISSED), count(category, OutsiderSet.Verdict.REFUSED),
                off == 0 ? "" : count(category, OutsiderSet.Verdict.REFUSED_RIGHTLY) + "/" + off);
    }
}
