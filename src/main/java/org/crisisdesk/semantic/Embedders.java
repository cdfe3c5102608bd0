package org.crisisdesk.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses the embedding model named by {@code CRISISDESK_SEMANTIC} ("bge", "e5"; unset, empty or "off": none) among
 * those the build carries. Naming a model the jar does not carry is an error that says how to get one, never a
 * silent fall-back: a run that was meant to use the model must not quietly measure the engine without it.
 */
public final class Embedders {

    public static final String VARIABLE = "CRISISDESK_SEMANTIC";

    private Embedders() {
    }

    /** The model {@code environment} asks for, loaded; empty when it asks for none. */
    public static Optional<Embedder> fromEnvironment(Map<String, String> environment) {
        String wanted = environment.getOrDefault(VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.equals("off") || wanted.equals("0") || wanted.equals("false")) {
            return Optional.empty();
        }
        List<EmbedderProvider> providers;
        try {
            providers = ServiceLoader.load(EmbedderProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException(VARIABLE + "=" + wanted + ": the build's embedding models cannot be"
                    + " loaded (" + e.getMessage() + "); rebuild with mvn -Psemantic clean package", e);
        }
        return Optional.of(load(wanted, providers));
    }

    /** The provider whose key is {@code wanted}, loaded; an {@link IllegalStateException} naming the choices if none. */
    static Embedder load(String wanted, List<EmbedderProvider> providers) {
        List<String> keys = new ArrayList<>();
        for (EmbedderProvider provider : providers) {
            if (provider.key().equals(wanted)) {
                return provider.load();
            }
            keys.add(provider.key());
        }
        throw new IllegalStateException(VARIABLE + "=" + wanted + " names no embedding model in this build ("
                + (keys.isEmpty() ? "it carries none; build with mvn -Psemantic to add them"
                        : "it carries: " + String.join(", ", keys))
                + "); unset " + VARIABLE + " to answer without one");
    }
}
