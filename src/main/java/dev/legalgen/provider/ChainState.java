package dev.legalgen.provider;

import java.util.List;
import java.util.Map;

/** A snapshot of the chain for status displays; {@code current} is null before the first success. */
public record ChainState(
        Route current,
        long providerSwitches,
        long modelSwitches,
        Map<String, List<String>> failedModels,
        Map<String, String> providersOut,
        int consecutiveFailures,
        long samplesGenerated,
        long totalTokens) {

    public String currentProvider() {
        return current == null ? null : current.provider();
    }

    public String currentModel() {
        return current == null ? null : current.model();
    }
}
