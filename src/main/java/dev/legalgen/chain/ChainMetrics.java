package dev.legalgen.chain;

import dev.legalgen.provider.Bill;
import dev.legalgen.provider.ChainEvent;
import dev.legalgen.provider.ChainEventListener;
import dev.legalgen.provider.Completion;
import dev.legalgen.provider.Route;
import dev.legalgen.provider.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The chains' counters, fed by every chain {@code ProviderChains} makes: {@code legalgen.samples},
 * {@code legalgen.provider.calls} (provider, model, outcome = success or the error category),
 * {@code legalgen.tokens} (provider), {@code legalgen.billed.tokens} (provider, model, kind = prompt, completion or
 * reasoning), {@code legalgen.cost} (provider, model; US dollars) and {@code legalgen.switches} (kind = model or
 * provider). The
 * provider package stays free of Micrometer. Recorded in every command that runs chains, not only
 * under {@code serve}.
 */
@Component
class ChainMetrics implements ChainEventListener {

    static final String SAMPLES = "legalgen.samples";
    static final String CALLS = "legalgen.provider.calls";
    static final String TOKENS = "legalgen.tokens";
    static final String SWITCHES = "legalgen.switches";
    static final String BILLED_TOKENS = "legalgen.billed.tokens";
    static final String COST = "legalgen.cost";
    private static final String SUCCESS = "success";

    private final MeterRegistry registry;

    ChainMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onCompletion(Completion completion) {
        registry.counter(SAMPLES).increment();
        calls(completion.provider(), completion.model(), SUCCESS).increment();
        Counter.builder(TOKENS)
                .description("Tokens used by accepted completions")
                .baseUnit("tokens")
                .tag("provider", completion.provider())
                .register(registry)
                .increment(completion.totalTokens());
    }

    /** Every call a provider billed, its answer used or not: tokens by kind, and its cost when its model has a price. */
    @Override
    public void onBilled(Route route, Bill bill) {
        TokenUsage tokens = bill.tokens();
        billedTokens(route, "prompt").increment(tokens.prompt());
        billedTokens(route, "completion").increment(tokens.completion());
        billedTokens(route, "reasoning").increment(tokens.reasoning());
        if (bill.costUsd() != null) {
            Counter.builder(COST)
                    .description("Cost of the billed calls at the configured list prices")
                    .baseUnit("usd")
                    .tags("provider", route.provider(), "model", route.model())
                    .register(registry)
                    .increment(bill.costUsd().doubleValue());
        }
    }

    private Counter billedTokens(Route route, String kind) {
        return Counter.builder(BILLED_TOKENS)
                .description("Tokens of every billed call; reasoning tokens are part of the completion tokens")
                .baseUnit("tokens")
                .tags("provider", route.provider(), "model", route.model(), "kind", kind)
                .register(registry);
    }

    /** A FAILURE is one call that failed (an invalid answer included); the other events are not calls. */
    @Override
    public void onEvent(ChainEvent event) {
        switch (event.type()) {
            case FAILURE ->
                calls(
                                event.route().provider(),
                                event.route().model(),
                                event.category().label())
                        .increment();
            case MODEL_SWITCH -> registry.counter(SWITCHES, "kind", "model").increment();
            case PROVIDER_SWITCH ->
                registry.counter(SWITCHES, "kind", "provider").increment();
            case RETRY,
                    MODEL_FAILED,
                    PROVIDER_OUT,
                    MODELS_NOT_LISTED,
                    BREAKER_TRANSITION,
                    STRUCTURED_OUTPUT_DOWNGRADED -> {
                // not calls: the failure that caused them was counted as one
            }
        }
    }

    private Counter calls(String provider, String model, String outcome) {
        return Counter.builder(CALLS)
                .description("Provider calls by outcome")
                .tags("provider", provider, "model", model, "outcome", outcome)
                .register(registry);
    }
}
