package org.crisisdesk.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line words split into options ({@code --from 2020}, {@code --from=2020}), flags ({@code --json}) and
 * the rest. Anything unexpected is a {@link UsageException}, never a guess.
 */
final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param valued the options that take a value
     * @param flagNames the options that take none
     */
    static Arguments parse(List<String> words, Set<String> valued, Set<String> flagNames) throws UsageException {
        Arguments parsed = new Arguments();
        boolean onlyPositional = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (onlyPositional || !word.startsWith("--") || word.equals("--")) {
                if (word.equals("--") && !onlyPositional) {
                    onlyPositional = true;
                } else {
                    parsed.positional.add(word);
                }
                continue;
            }
            String name = word.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flagNames.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                parsed.flags.add(name);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = words.get(++i);
                }
                if (parsed.options.put(name, value) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return parsed;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return List.copyOf(positional);
    }

    int intOption(String name, int fallback, int min, int max) throws UsageException {
        Optional<String> text = option(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < min || value > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + text.get() + "'");
        }
    }
}
