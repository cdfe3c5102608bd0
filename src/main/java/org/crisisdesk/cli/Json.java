package org.crisisdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;
import org.crisisdesk.citation.Citation;
import org.crisisdesk.knowledge.PartialDate;
import org.crisisdesk.knowledge.Source;
import org.crisisdesk.timeline.TimelineEvent;
import org.crisisdesk.timeline.TimelinePage;

/**
 * The JSON the command line prints. Its field names are a public contract other tools parse: add fields, never
 * rename or remove one.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String answer(Answer answer) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("question", answer.question());
        root.put("answered", answer.answered());
        root.put("confidence", Math.round(answer.confidence() * 1000) / 1000.0);
        ArrayNode snippets = root.putArray("snippets");
        for (Snippet snippet : answer.snippets()) {
            snippet(snippets.addObject(), snippet);
        }
        citations(root.putArray("citations"), answer.citations());
        answer.message().ifPresent(message -> root.put("message", message));
        answer.didYouMean().ifPresent(corrected -> root.put("did_you_mean", corrected));
        ArrayNode suggestions = root.putArray("suggestions");
        answer.suggestions().forEach(suggestions::add);
        root.put("answer_type", answer.type().label());
        root.put("language", answer.language().code());
        root.put("outcome", answer.outcome().label());
        root.put("partial", answer.partial());
        answer.asOf().ifPresent(asOf -> root.put("as_of", asOf.toString()));
        answer.reading().ifPresent(reading -> root.put("read_as", reading));
        answer.subject().ifPresent(subject -> root.put("subject", subject));
        return write(root);
    }

    /**
     * One snippet. {@code text} keeps the note after the sentences ("… Note: …"), as it always has; {@code answer}
     * marks the answer itself, {@code note} the note alone, {@code items} a list's dated entries.
     */
    private static void snippet(ObjectNode node, Snippet snippet) {
        node.put("text", snippet.textWithNote());
        ArrayNode numbers = node.putArray("citations");
        snippet.citations().forEach(numbers::add);
        node.put("passage", snippet.id());
        node.put("kind", snippet.kind().label());
        snippet.title().ifPresent(title -> node.put("title", title));
        snippet.date().ifPresent(date -> node.put("date", date.toString()));
        ArrayNode highlights = node.putArray("highlights");
        snippet.highlights().forEach(h -> highlights.addArray().add(h.start()).add(h.end()));
        ArrayNode answer = node.putArray("answer");
        snippet.answer().forEach(h -> answer.addArray().add(h.start()).add(h.end()));
        snippet.note().ifPresent(note -> node.put("note", note));
        if (snippet.unconfirmed()) {
            node.put("unconfirmed", true);
        }
        snippet.asOf().ifPresent(asOf -> node.put("as_of", asOf.toString()));
        if (!snippet.items().isEmpty()) {
            ArrayNode items = node.putArray("items");
            snippet.items().forEach(item -> snippet(items.addObject(), item));
        }
    }

    static String timeline(TimelinePage page) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode events = root.putArray("events");
        for (TimelineEvent event : page.events()) {
            ObjectNode node = events.addObject();
            node.put("id", event.id());
            node.put("date", event.date().toString());
            node.put("precision", event.date().precision().label());
            node.put("text", event.text());
            ArrayNode topics = node.putArray("topics");
            event.topics().forEach(topics::add);
            citations(node.putArray("citations"), event.citations());
            event.note().ifPresent(note -> node.put("note", note));
        }
        root.put("total", page.total());
        return write(root);
    }

    static String sources(List<Source> sources) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("sources");
        for (Source source : sources) {
            ObjectNode node = list.addObject();
            node.put("id", source.id());
            node.put("title", source.title());
            node.put("publisher", source.publisher());
            node.put("date", source.date().map(PartialDate::toString).orElse(""));
            node.put("url", source.url());
            ArrayNode authors = node.putArray("authors");
            source.authors().forEach(authors::add);
            node.put("language", source.language());
            node.put("kind", source.kind().label());
            node.put("first_tier", source.firstTier());
            source.via().ifPresent(via -> node.put("via", via));
            source.accessed().ifPresent(accessed -> node.put("accessed", accessed.toString()));
        }
        return write(root);
    }

    static String evaluation(org.crisisdesk.eval.EvaluationReport report) {
        return write(evaluationNode(report));
    }

    /** The development set's figures, each outsider set's per category, and the reliability table. */
    static String evaluation(org.crisisdesk.eval.EvaluationReport report,
            List<org.crisisdesk.eval.OutsiderReport> outsiders, List<org.crisisdesk.eval.Calibration.Bin> bins) {
        ObjectNode root = evaluationNode(report);
        ObjectNode sets = root.putObject("outsider");
        for (org.crisisdesk.eval.OutsiderReport outsider : outsiders) {
            ObjectNode set = sets.putObject(outsider.name());
            for (String category : outsider.categories()) {
                ObjectNode node = set.putObject(category);
                for (org.crisisdesk.eval.OutsiderSet.Verdict verdict : org.crisisdesk.eval.OutsiderSet.Verdict.values()) {
                    node.put(verdict.label().replace('-', '_'), outsider.count(category, verdict));
                }
            }
            set.put("french_answered", outsider.frenchAnswered());
            set.put("french_answered_in_french", outsider.frenchInFrench());
        }
        ArrayNode reliability = root.putArray("reliability");
        for (org.crisisdesk.eval.Calibration.Bin bin : bins) {
            ObjectNode node = reliability.addObject();
            node.put("from", bin.from());
            node.put("to", bin.to());
            node.put("answers", bin.answers());
            node.put("mean_confidence", round(bin.meanProbability()));
            node.put("share_right", round(bin.accuracy()));
        }
        return write(root);
    }

    private static ObjectNode evaluationNode(org.crisisdesk.eval.EvaluationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("questions", report.questions());
        ObjectNode categories = root.putObject("categories");
        report.engine().forEach((category, scores) -> {
            ObjectNode node = categories.putObject(category);
            scores(node.putObject("engine"), scores);
            scores(node.putObject("baseline"), report.baseline().get(category));
        });
        ArrayNode mistakes = root.putArray("mistakes");
        report.engineMistakes().forEach(mistakes::add);
        return root;
    }

    private static void scores(ObjectNode node, org.crisisdesk.eval.Scores scores) {
        node.put("answerable", scores.answerable());
        node.put("hit_at_1", round(scores.hitAt1()));
        node.put("hit_at_3", round(scores.hitAt3()));
        node.put("mrr", round(scores.mrr()));
        node.put("refused", round(scores.refused()));
        node.put("off_topic", scores.offTopic());
        node.put("off_topic_answered", round(scores.offTopicAnswered()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void citations(ArrayNode into, List<Citation> citations) {
        for (Citation citation : citations) {
            ObjectNode node = into.addObject();
            node.put("n", citation.n());
            node.put("source", citation.source());
            node.put("title", citation.title());
            node.put("publisher", citation.publisher());
            node.put("date", citation.date());
            node.put("url", citation.url());
            node.put("kind", citation.kind());
            citation.via().ifPresent(via -> node.put("via", via));
        }
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
