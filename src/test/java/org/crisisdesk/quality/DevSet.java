package org.crisisdesk.quality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.crisisdesk.answer.Answer;
import org.crisisdesk.answer.Snippet;

/** The labelled development questions in {@code src/test/resources/devset}, and what counts as a hit. */
record DevSet(List<Question> questions) {

    static final String OFF_TOPIC = "off-topic";

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Question(String q, String category, List<String> expect, String answer, Boolean seed) {

        Question {
            expect = expect == null ? List.of() : List.copyOf(expect);
        }

        boolean offTopic() {
            return OFF_TOPIC.equals(category);
        }

        /** A top-3 snippet comes from an expected passage or event, or contains the expected answer text. */
        boolean hitBy(Answer answer) {
            List<Snippet> top = answer.snippets().subList(0, Math.min(3, answer.snippets().size()));
            return answer.answered() && top.stream().anyMatch(s -> expect.contains(s.id())
                    || (this.answer != null && s.text().toLowerCase(Locale.ROOT)
                            .contains(this.answer.toLowerCase(Locale.ROOT))));
        }
    }

    record File(List<Question> questions) {
    }

    static DevSet load(Path directory) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Question> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                File parsed = yaml.readValue(file.toFile(), File.class);
                if (parsed.questions() != null) {
                    all.addAll(parsed.questions());
                }
            }
        }
        return new DevSet(List.copyOf(all));
    }
}
