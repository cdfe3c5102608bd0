package org.crisisdesk.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Labelled questions (the development set): YAML files with a {@code questions} list, each question with its
 * category and the passage or event ids that answer it (see {@code src/test/resources/devset/README.md}).
 */
public record QuestionSet(List<Question> questions) {

    public static final String OFF_TOPIC = "off-topic";

    /** Where the development set lives in the repository. */
    public static final Path DEFAULT_LOCATION = Path.of("src", "test", "resources", "devset");

    public QuestionSet {
        questions = List.copyOf(questions);
    }

    /**
     * One labelled question.
     *
     * @param expect ids of passages or events that answer it; one of them among the top 3 snippets is a hit
     * @param answer text a top-3 snippet may contain instead (also a hit)
     * @param seed   whether it checks a fact of the seed article
     */
    public record Question(String q, String category, List<String> expect, String answer, Boolean seed) {

        public Question {
            expect = expect == null ? List.of() : List.copyOf(expect);
            category = category == null ? "uncategorised" : category;
        }

        public boolean offTopic() {
            return OFF_TOPIC.equals(category);
        }

        public boolean fromSeedArticle() {
            return Boolean.TRUE.equals(seed);
        }

        /** Whether a snippet cut from {@code id} with this {@code text} answers the question. */
        public boolean answeredBy(String id, String text) {
            return expect.contains(id)
                    || (answer != null && text.toLowerCase(Locale.ROOT).contains(answer.toLowerCase(Locale.ROOT)));
        }
    }

    private record File(List<Question> questions) {
    }

    /** Reads one YAML file, or every YAML file of a directory in name order. */
    public static QuestionSet load(Path path) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                        .sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        List<Question> all = new ArrayList<>();
        for (Path file : files) {
            try {
                File parsed = yaml.readValue(file.toFile(), File.class);
                if (parsed != null && parsed.questions() != null) {
                    all.addAll(parsed.questions());
                }
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return new QuestionSet(all);
    }
}
