package org.crisisdesk.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written. Jackson's own trees forget positions, and curators need
 * {@code file:line:column} on every problem, so the loader builds these instead.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar, YamlNode.Null {

    Origin origin();

    /** What a curator would call this kind of value, for error messages. */
    String kind();

    record Mapping(Map<String, Entry> entries, Origin origin) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A key and its value; the key's position is where "unknown field" problems point. */
    record Entry(String key, Origin keyOrigin, YamlNode value) {
    }

    record Sequence(List<YamlNode> items, Origin origin) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    record Scalar(String text, boolean quotedOrString, Origin origin) implements YamlNode {
        @Override
        public String kind() {
            return quotedOrString ? "text" : "a number or boolean";
        }
    }

    record Null(Origin origin) implements YamlNode {
        @Override
        public String kind() {
            return "nothing";
        }
    }
}
