package org.crisisdesk.eval;

import java.util.Locale;
import java.util.Map;

/** The evaluation as a Markdown table: each category, the engine's figures beside the baseline's. */
public final class MarkdownTable {

    private MarkdownTable() {
    }

    public static String of(EvaluationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("| category | questions | hit@1 | hit@3 | MRR | refused | baseline hit@3 | baseline MRR |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Scores> entry : report.engine().entrySet()) {
            String category = entry.getKey();
            Scores ours = entry.getValue();
            Scores theirs = report.baseline().get(category);
            if (category.equals(EvaluationReport.OVERALL) || ours.answerable() == 0) {
                continue;
            }
            out.append(row(category, ours, theirs));
        }
        Scores all = report.overall();
        out.append(row("**answerable**", all, report.baseline().get(EvaluationReport.OVERALL)));
        Scores offTopic = report.engine().get(QuestionSet.OFF_TOPIC);
        if (offTopic != null) {
            Scores baseline = report.baseline().get(QuestionSet.OFF_TOPIC);
            out.append(String.format(Locale.ROOT, "| off-topic (share answered: should be 0) | %d | | | | %.3f | | %.3f |%n",
                    offTopic.offTopic(), offTopic.offTopicAnswered(), baseline.offTopicAnswered()));
        }
        return out.toString();
    }

    private static String row(String name, Scores ours, Scores theirs) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name,
                ours.answerable(), ours.hitAt1(), ours.hitAt3(), ours.mrr(), ours.refused(), theirs.hitAt3(),
                theirs.mrr());
    }
}
