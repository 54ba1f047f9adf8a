package dev.legalgen.job;

import dev.legalgen.provider.ChainState;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider chain's state as the status command prints it, and as execution contexts keep it:
 * JSON, read back whole (failed models and providers out included).
 */
public final class ChainStates {

    /** Where execution contexts keep the state: the job's at its end, each partition's as it commits. */
    public static final String KEY = "chainState";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChainStates() {}

    public static String describe(ChainState state) {
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

    public static String toJson(ChainState state) {
        return JSON.writeValueAsString(state);
    }

    /** Empty when the text is not a saved state (e.g. the {@code key=value} text of earlier versions). */
    public static Optional<ChainState> fromJson(String json) {
        try {
            return Optional.of(JSON.readValue(json, ChainState.class));
        } catch (JacksonException notAState) {
            return Optional.empty();
        }
    }
}
