package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProvidersPropertiesTests {

    private static final String SECRET = "gsk_live_supersecret_0123456789";

    @Test
    void bindsKebabCasePropertiesWithDefaults() {
        // given: Groq's base URL, key, models and limits, and nothing else
        Map<String, String> values = groq();

        // when
        ProvidersProperties properties = bind(values);

        // then: what was set, and the defaults for the rest
        ProviderSettings groq = properties.providers().get("groq");
        assertThat(groq.baseUrl()).isEqualTo(URI.create("https://api.groq.com/openai/v1"));
        assertThat(groq.models()).containsExactly("openai/gpt-oss-120b", "openai/gpt-oss-20b");
        assertThat(groq.requestsPerMinute()).isEqualTo(30);
        assertThat(groq.tokensPerMinute()).isEqualTo(8000);
        assertThat(groq.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(groq.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(groq.maxCompletionTokens()).isEqualTo(1024);
        assertThat(groq.weight()).isNull();
        assertThat(groq.apiKey()).isEqualTo(ApiKey.of(SECRET));
        assertThat(groq.chatCompletionsUri()).isEqualTo(URI.create("https://api.groq.com/openai/v1/chat/completions"));
    }

    @Test
    void settingsNeverPrintTheKey() {
        // given: settings bound with a key
        ProvidersProperties properties = bind(groq());

        // when/then: the settings, the key, and a missing key print as placeholders
        assertThat(properties.toString()).doesNotContain(SECRET).contains("apiKey=****");
        assertThat(properties.providers().get("groq").apiKey().toString()).isEqualTo("****");
        assertThat(ApiKey.of("").toString()).isEqualTo("<none>");
    }

    @Test
    void providerWithoutKeyIsBoundButNotUsable() {
        // given: no API key
        Map<String, String> values = groq();
        values.remove("legalgen.providers.groq.api-key");

        // when
        ProvidersProperties properties = bind(values);

        // then
        assertThat(properties.providers()).containsKey("groq");
        assertThat(properties.providers().get("groq").apiKey().isPresent()).isFalse();
    }

    @Test
    void rejectsANonHttpBaseUrlNamingTheProperty() {
        // given
        Map<String, String> values = groq();
        values.put("legalgen.providers.groq.base-url", "ftp://api.groq.com");

        // when/then
        assertThatThrownBy(() -> bind(values))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("legalgen.providers.groq.base-url must be an http(s) URL");
    }

    @Test
    void rejectsMissingModelsNegativeLimitsAndZeroTimeout() {
        // given: three bad values at once
        Map<String, String> values = groq();
        values.remove("legalgen.providers.groq.models[0]");
        values.remove("legalgen.providers.groq.models[1]");
        values.put("legalgen.providers.groq.tokens-per-minute", "-1");
        values.put("legalgen.providers.groq.timeout", "0s");

        // when/then: one message names each, without the key
        assertThatThrownBy(() -> bind(values))
                .rootCause()
                .hasMessageContaining("legalgen.providers.groq.models must list at least one model")
                .hasMessageContaining(
                        "legalgen.providers.groq.tokens-per-minute must be 0 (unknown) or positive, was -1")
                .hasMessageContaining("legalgen.providers.groq.timeout must be a positive duration")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void bindsModelOptionsKeyedByModelIdsInBracketsAndResolvesTheRestFromTheProvider() {
        // given: options for two models whose ids hold '/' and '.', one option left out
        Map<String, String> values = groq();
        values.put("legalgen.providers.groq.max-completion-tokens", "900");
        values.put("legalgen.providers.groq.model-options[openai/gpt-oss-120b].structured-output", "json_schema");
        values.put("legalgen.providers.groq.model-options[openai/gpt-oss-120b].reasoning-effort", "low");
        values.put("legalgen.providers.groq.model-options[openai/gpt-oss-20b].max-completion-tokens", "2000");

        // when
        ProviderSettings groq = bind(values).providers().get("groq");

        // then: each model's own options, the provider's budget and json_object where it set none
        assertThat(groq.modelOptions())
                .containsOnlyKeys("openai/gpt-oss-120b", "openai/gpt-oss-20b")
                .containsEntry(
                        "openai/gpt-oss-120b",
                        new ModelOptions(StructuredOutput.JSON_SCHEMA, ReasoningEffort.LOW, null));
        assertThat(groq.requestOptions("openai/gpt-oss-120b"))
                .isEqualTo(new RequestOptions(StructuredOutput.JSON_SCHEMA, 900, ReasoningEffort.LOW));
        assertThat(groq.requestOptions("openai/gpt-oss-20b"))
                .isEqualTo(new RequestOptions(StructuredOutput.JSON_OBJECT, 2000, null));
        assertThat(groq.requestOptions("qwen/qwen3.6-27b"))
                .as("a model without options")
                .isEqualTo(new RequestOptions(StructuredOutput.JSON_OBJECT, 900, null));
    }

    @Test
    void rejectsANonPositiveModelCompletionBudgetNamingTheModel() {
        // given
        Map<String, String> values = groq();
        values.put("legalgen.providers.groq.model-options[openai/gpt-oss-20b].max-completion-tokens", "0");

        // when/then
        assertThatThrownBy(() -> bind(values))
                .rootCause()
                .hasMessageContaining("legalgen.providers.groq.model-options[openai/gpt-oss-20b].max-completion-tokens"
                        + " must be at least 1 when set, was 0");
    }

    @Test
    void bindsBatchSupportAndPricesABatchAtTheDiscount() {
        // given
        Map<String, String> values = groq();
        values.put("legalgen.providers.groq.batch.enabled", "true");
        values.put("legalgen.providers.groq.batch.models", "openai/gpt-oss-20b");
        values.put("legalgen.providers.groq.prices[openai/gpt-oss-20b].input-per-million", "0.10");
        values.put("legalgen.providers.groq.prices[openai/gpt-oss-20b].output-per-million", "0.50");

        // when
        ProviderSettings groq = bind(values).providers().get("groq");

        // then: half price by default, for the models named only
        assertThat(groq.batch().accepts("openai/gpt-oss-20b")).isTrue();
        assertThat(groq.batch().accepts("openai/gpt-oss-120b")).isFalse();
        TokenUsage usage = new TokenUsage(1_000_000, 1_000_000, 0);
        assertThat(groq.bill("openai/gpt-oss-20b", usage).costUsd()).isEqualByComparingTo("0.60");
        assertThat(groq.batchBill("openai/gpt-oss-20b", usage).costUsd()).isEqualByComparingTo("0.30");
        assertThat(groq.batch().transferTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void rejectsABatchDiscountOutsideZeroToOne() {
        Map<String, String> values = groq();
        values.put("legalgen.providers.groq.batch.discount", "1.5");

        assertThatThrownBy(() -> bind(values))
                .rootCause()
                .hasMessageContaining("legalgen.providers.groq.batch.discount must be between 0 and 1 (0.5 is half"
                        + " price), was 1.5");
    }

    @Test
    void rejectsATransferTimeoutThatIsNotPositive() {
        Map<String, String> values = groq();
        values.put("legalgen.providers.groq.batch.transfer-timeout", "0s");

        assertThatThrownBy(() -> bind(values))
                .rootCause()
                .hasMessageContaining(
                        "legalgen.providers.groq.batch.transfer-timeout must be positive (e.g. 30m), was" + " PT0S");
    }

    @Test
    void rejectsBadProviderNames() {
        assertThatThrownBy(() -> new ProvidersProperties(Map.of("Groq AI", settings())))
                .hasMessageContaining("legalgen.providers.Groq AI: provider names are lower-case");
    }

    private static ProviderSettings settings() {
        return new ProviderSettings(
                URI.create("http://localhost:1"),
                ApiKey.of("k"),
                List.of("m"),
                0,
                0,
                0,
                0,
                null,
                null,
                0,
                null,
                Map.of(),
                null,
                null);
    }

    private static Map<String, String> groq() {
        Map<String, String> values = new HashMap<>();
        values.put("legalgen.providers.groq.base-url", "https://api.groq.com/openai/v1");
        values.put("legalgen.providers.groq.api-key", SECRET);
        values.put("legalgen.providers.groq.models[0]", "openai/gpt-oss-120b");
        values.put("legalgen.providers.groq.models[1]", "openai/gpt-oss-20b");
        values.put("legalgen.providers.groq.requests-per-minute", "30");
        values.put("legalgen.providers.groq.tokens-per-minute", "8000");
        return values;
    }

    private static ProvidersProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("legalgen", ProvidersProperties.class)
                .get();
    }
}
