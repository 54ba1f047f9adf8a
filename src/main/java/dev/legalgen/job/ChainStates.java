package dev.legalgen.job;

import dev.legalgen.provider.ChainState;
import dev.legalgen.provider.Route;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seed's state fields of a provider chain, as the status command prints them. */
final class ChainStates {

    private static final Pattern FIELD = Pattern.compile("(?:^| )(current_provider|current_model|provider_switches"
            + "|model_switches|consecutive_failures|samples_generated|total_tokens)=(\\S+)");

    private ChainStates() {}

    static String describe(ChainState state) {
        return "current_provider=" + state.currentProvider()
                + " current_model=" + state.currentModel()
                + " provider_switches=" + state.providerSwitches()
                + " model_switches=" + state.modelSwitches()
                + " failed_models=" + state.failedModels()
                + " providers_out=" + state.providersOut().keySet()
                + " consecutive_failures=" + state.consecutiveFailures()
                + " samples_generated=" + state.samplesGenerated()
                + " total_tokens=" + state.totalTokens();
    }

    /**
     * Reads back the counters and current route of {@link #describe}; the failed models and providers
     * out are not recovered (they are free text), so they come back empty.
     */
    static ChainState parse(String description) {
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher matcher = FIELD.matcher(description);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        String provider = fields.get("current_provider");
        String model = fields.get("current_model");
        Route current = provider == null || model == null || "null".equals(provider) || "null".equals(model)
                ? null : new Route(provider, model);
        return new ChainState(current, number(fields, "provider_switches"), number(fields, "model_switches"),
                Map.of(), Map.of(), (int) number(fields, "consecutive_failures"), number(fields, "samples_generated"),
                number(fields, "total_tokens"));
    }

    private static long number(Map<String, String> fields, String name) {
        try {
            return Long.parseLong(fields.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
