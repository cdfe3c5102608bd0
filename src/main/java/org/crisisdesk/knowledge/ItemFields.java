package org.crisisdesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the fields of one YAML item (a source, a passage, an event), adding a problem at the right
 * position for every missing, mistyped, unknown or overlong field rather than stopping at the first.
 */
final class ItemFields {

    private final YamlNode.Mapping item;
    private final String what;
    private final List<Problem> problems;

    private ItemFields(YamlNode.Mapping item, String what, Set<String> allowed, List<Problem> problems) {
        this.item = item;
        this.what = what;
        this.problems = problems;
        for (YamlNode.Entry entry : item.entries().values()) {
            if (!allowed.contains(entry.key())) {
                problems.add(new Problem(entry.keyOrigin(), "unknown field '" + entry.key() + "' in " + what
                        + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    /** The item's fields, or empty (with a problem) when the item is not a mapping. */
    static Optional<ItemFields> of(YamlNode node, String what, Set<String> allowed, List<Problem> problems) {
        if (node instanceof YamlNode.Mapping mapping) {
            return Optional.of(new ItemFields(mapping, what, allowed, problems));
        }
        problems.add(new Problem(node.origin(), what + " must be a mapping of fields, not " + node.kind()));
        return Optional.empty();
    }

    Origin origin() {
        return item.origin();
    }

    /** Where a field's value was written, or the item itself when the field is absent. */
    Origin originOf(String field) {
        YamlNode.Entry entry = item.entries().get(field);
        return entry == null ? item.origin() : entry.value().origin();
    }

    String requiredText(String field, int maxLength) {
        return optionalText(field, maxLength).orElseGet(() -> {
            if (!item.entries().containsKey(field)) {
                problems.add(new Problem(item.origin(), what + " has no '" + field + "'"));
            }
            return "";
        });
    }

    Optional<String> optionalText(String field, int maxLength) {
        YamlNode.Entry entry = item.entries().get(field);
        if (entry == null || entry.value() instanceof YamlNode.Null) {
            return Optional.empty();
        }
        if (!(entry.value() instanceof YamlNode.Scalar scalar)) {
            problems.add(new Problem(entry.value().origin(), "'" + field + "' must be text, not " + entry.value().kind()));
            return Optional.empty();
        }
        String text = normalizeSpace(scalar.text());
        if (text.isEmpty()) {
            problems.add(new Problem(scalar.origin(), "'" + field + "' is empty"));
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            problems.add(new Problem(scalar.origin(), "'" + field + "' is " + text.length()
                    + " characters long; at most " + maxLength + " are allowed"));
        }
        return Optional.of(text);
    }

    /** A list of short texts; a single text is accepted as a list of one, which is what curators mean by it. */
    List<Located> list(String field, boolean required, int maxItemLength) {
        YamlNode.Entry entry = listed(field, required);
        if (entry == null) {
            return List.of();
        }
        List<YamlNode> nodes = nodes(entry);
        List<Located> values = new ArrayList<>();
        for (YamlNode node : nodes) {
            if (!(node instanceof YamlNode.Scalar scalar)) {
                problems.add(new Problem(node.origin(), "each item of '" + field + "' must be text, not " + node.kind()));
                continue;
            }
            String text = normalizeSpace(scalar.text());
            if (text.isEmpty()) {
                problems.add(new Problem(scalar.origin(), "an item of '" + field + "' is empty"));
            } else if (text.length() > maxItemLength) {
                problems.add(new Problem(scalar.origin(), "an item of '" + field + "' is " + text.length()
                        + " characters long; at most " + maxItemLength + " are allowed"));
            } else {
                values.add(new Located(text, scalar.origin()));
            }
        }
        if (required && values.isEmpty() && nodes.isEmpty()) {
            problems.add(new Problem(entry.value().origin(), "'" + field + "' must list at least one item"));
        }
        return values;
    }

    /** The items of a list of mappings (a passage's sentences); a single item is accepted as a list of one. */
    List<YamlNode> items(String field, boolean required) {
        YamlNode.Entry entry = listed(field, required);
        if (entry == null) {
            return List.of();
        }
        List<YamlNode> nodes = nodes(entry);
        if (required && nodes.isEmpty()) {
            problems.add(new Problem(entry.value().origin(), "'" + field + "' must list at least one item"));
        }
        return nodes;
    }

    /** The field's entry, or null when it is absent or empty (a problem when it is required). */
    private YamlNode.Entry listed(String field, boolean required) {
        YamlNode.Entry entry = item.entries().get(field);
        if (entry == null || entry.value() instanceof YamlNode.Null) {
            if (required) {
                problems.add(new Problem(item.origin(), what + " has no '" + field + "'"));
            }
            return null;
        }
        return entry;
    }

    /** A list's items; a single value is a list of one. */
    private static List<YamlNode> nodes(YamlNode.Entry entry) {
        return entry.value() instanceof YamlNode.Sequence seq ? seq.items() : List.of(entry.value());
    }

    /** A yes/no field: absent is false. */
    boolean flag(String field) {
        YamlNode.Entry entry = item.entries().get(field);
        if (entry == null || entry.value() instanceof YamlNode.Null) {
            return false;
        }
        if (entry.value() instanceof YamlNode.Scalar scalar && !scalar.quotedOrString()) {
            if (scalar.text().equals("true")) {
                return true;
            }
            if (scalar.text().equals("false")) {
                return false;
            }
        }
        problems.add(new Problem(entry.value().origin(), "'" + field + "' must be true or false"));
        return false;
    }

    Optional<PartialDate> date(String field, boolean required) {
        Optional<String> text = required ? Optional.of(requiredText(field, 10)).filter(t -> !t.isEmpty())
                : optionalText(field, 10);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<PartialDate> date = PartialDate.parse(text.get());
        if (date.isEmpty()) {
            problems.add(new Problem(originOf(field), "'" + field + "' is '" + text.get()
                    + "': expected a real date written YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        return date;
    }

    /** Collapses runs of white space (YAML folding leaves some) so lengths and snippets are predictable. */
    static String normalizeSpace(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** A value and where it was written. */
    record Located(String value, Origin origin) {
    }
}
