package dev.legalgen.job;

import dev.legalgen.provider.ChainState;

/** The seed's state fields of a provider chain, as the status command prints them. */
final class ChainStates {

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
}
