package org.crisisdesk.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads YAML text into {@link YamlNode}s with positions, collecting syntax problems instead of throwing. */
final class YamlTreeReader {

    /** Deeper nesting than this is never a knowledge file, and unbounded recursion could overflow the stack. */
    private static final int MAX_DEPTH = 32;

    private final YAMLFactory factory;

    YamlTreeReader() {
        this.factory = YAMLFactory.builder().build();
    }

    /** The document's root, or empty with a problem added when the text is not well-formed YAML. */
    Optional<YamlNode> read(Path file, String text, List<Problem> problems) {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of(new YamlNode.Null(Origin.ofFile(file)));
            }
            YamlNode root = readValue(parser, file, problems, 0);
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(origin(file, e.getLocation()), "not valid YAML: " + firstLine(e.getOriginalMessage())));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Problem(Origin.ofFile(file), "could not read: " + e.getMessage()));
            return Optional.empty();
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed input (bad escapes, odd indentation) with unchecked exceptions.
            problems.add(new Problem(Origin.ofFile(file), "not valid YAML: " + firstLine(String.valueOf(e.getMessage()))));
            return Optional.empty();
        }
    }

    private YamlNode readValue(JsonParser parser, Path file, List<Problem> problems, int depth) throws IOException {
        Origin at = origin(file, parser.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new JsonProcessingException("nested more than " + MAX_DEPTH + " levels deep", parser.currentTokenLocation()) {
                private static final long serialVersionUID = 1L;
            };
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Origin keyAt = origin(file, parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = readValue(parser, file, problems, depth + 1);
                    YamlNode.Entry previous = entries.get(key);
                    if (previous != null) {
                        problems.add(new Problem(keyAt, "duplicate key '" + key + "' (first at line "
                                + previous.keyOrigin().line() + ")"));
                    } else {
                        entries.put(key, new YamlNode.Entry(key, keyAt, value));
                    }
                }
                return new YamlNode.Mapping(entries, at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file, problems, depth + 1));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(parser.getText(), true, at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(parser.getText(), false, at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Null(at);
            }
            default -> {
                return new YamlNode.Scalar(parser.getText(), false, at);
            }
        }
    }

    private static Origin origin(Path file, JsonLocation location) {
        if (location == null) {
            return Origin.ofFile(file);
        }
        return new Origin(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
