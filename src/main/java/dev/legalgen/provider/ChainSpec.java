package dev.legalgen.provider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordered routes of a {@code chain} spec such as {@code cerebras,groq:openai/gpt-oss-20b}: each entry
 * is a provider, optionally pinning the model it starts with; then its other models in configured order.
 * A model id is only ever paired with its own provider. An empty spec means every configured provider.
 */
public record ChainSpec(List<Route> routes, List<String> warnings) {

    /** A spec that names no usable route; {@link #aboutModel()} when the fault is a pinned model, not a provider. */
    public static final class InvalidChainException extends IllegalArgumentException {

        private final boolean aboutModel;

        InvalidChainException(String message, boolean aboutModel) {
            super(message);
            this.aboutModel = aboutModel;
        }

        public boolean aboutModel() {
            return aboutModel;
        }
    }

    public static ChainSpec parse(String spec, Map<String, ProviderSettings> providers) {
        return parse(spec, providers, providers.keySet());
    }

    /**
     * As {@link #parse(String, Map)}, where a chain may also name providers set up only when named (the built-in
     * simulator): {@code nameable} lists every provider a chain may name, for the refusal of an unknown one.
     */
    public static ChainSpec parse(String spec, Map<String, ProviderSettings> providers, Collection<String> nameable) {
        List<String> entries = new ArrayList<>(spec == null || spec.isBlank() ? providers.keySet() : entries(spec));
        List<Route> routes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String provider = provider(entry);
            String pinned = colon < 0 ? null : entry.substring(colon + 1).strip();
            ProviderSettings settings = providers.get(provider);
            if (settings == null) {
                throw new InvalidChainException(
                        "chain entry '" + entry + "' names no configured provider; known providers: "
                                + String.join(", ", nameable),
                        false);
            }
            if (!seen.add(provider)) {
                throw new InvalidChainException(
                        "chain entry '" + entry + "': provider " + provider + " is listed twice", false);
            }
            if (pinned != null && !settings.models().contains(pinned)) {
                throw new InvalidChainException(
                        "chain entry '" + entry + "': " + provider + " has no model '" + pinned + "'; its models: "
                                + String.join(", ", settings.models()),
                        true);
            }
            if (!settings.apiKey().isPresent()) {
                warnings.add(provider + " has no API key (set " + ProviderSettings.keyVariable(provider)
                        + "): left out of the chain");
                continue;
            }
            if (pinned != null) {
                routes.add(new Route(provider, pinned));
            }
            for (String model : settings.models()) {
                if (!model.equals(pinned)) {
                    routes.add(new Route(provider, model));
                }
            }
        }
        if (routes.isEmpty()) {
            throw new InvalidChainException(
                    "no usable provider in chain '" + (spec == null ? "" : spec) + "': "
                            + (warnings.isEmpty() ? "configure legalgen.providers" : String.join("; ", warnings)),
                    false);
        }
        return new ChainSpec(List.copyOf(routes), List.copyOf(warnings));
    }

    /** The providers a spec names, in order (empty for an empty spec: every configured provider). */
    public static List<String> providerNames(String spec) {
        return spec == null || spec.isBlank()
                ? List.of()
                : entries(spec).stream().map(ChainSpec::provider).toList();
    }

    private static List<String> entries(String spec) {
        return Arrays.stream(spec.split(",")).map(String::strip).toList();
    }

    private static String provider(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? entry : entry.substring(0, colon).strip();
    }
}
