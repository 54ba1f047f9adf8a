package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.provider.ChainState;
import dev.legalgen.provider.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainStatesTests {

    @Test
    void aSavedStateReadsBackWhole() {
        // given a state with every field set, failed models and providers out included
        ChainState state = new ChainState(
                new Route("groq", "openai/gpt-oss-20b"),
                2,
                3,
                Map.of("groq", List.of("openai/gpt-oss-120b", "qwen/qwen3.6-27b")),
                Map.of("cerebras", "authentication: cerebras rejected the API key (401 wrong_api_key)"),
                1,
                97,
                41_250);

        // when
        ChainState read = ChainStates.fromJson(ChainStates.toJson(state)).orElseThrow();

        // then
        assertThat(read).isEqualTo(state);
    }

    @Test
    void theTextOfEarlierVersionsIsNoSavedState() {
        assertThat(ChainStates.fromJson("current_provider=groq current_model=x provider_switches=1"))
                .isEmpty();
    }
}
