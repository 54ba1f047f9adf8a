package dev.legalgen.chain;

import dev.legalgen.provider.Bill;
import dev.legalgen.store.Spend;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run may spend, across all executions of its instance: {@code maxTokens} prompt plus completion tokens and
 * {@code maxCostUsd} US dollars, each null for no limit.
 */
public record Budget(Long maxTokens, BigDecimal maxCostUsd) {

    /** The job parameters that set them. */
    public static final String MAX_TOKENS = "maxTokens";

    public static final String MAX_COST_USD = "maxCostUsd";

    public static final Budget NONE = new Budget(null, null);

    public boolean limited() {
        return maxTokens != null || maxCostUsd != null;
    }

    /** The limits as job parameters, {@code maxTokens=50000 maxCostUsd=0.25}; empty for none. */
    public String describe() {
        List<String> limits = new ArrayList<>();
        if (maxTokens != null) {
            limits.add(MAX_TOKENS + "=" + maxTokens);
        }
        if (maxCostUsd != null) {
            limits.add(MAX_COST_USD + "=" + maxCostUsd.toPlainString());
        }
        return String.join(" ", limits);
    }

    /** Why a run that has spent {@code spent} may spend no more ("budget reached: …"), null while it may. */
    public String reachedBy(Bill spent) {
        if (maxTokens != null && spent.tokens().total() >= maxTokens) {
            return reached(tokensSpent(spent), MAX_TOKENS);
        }
        if (maxCostUsd != null && cost(spent).compareTo(maxCostUsd) >= 0) {
            return reached(costSpent(spent), MAX_COST_USD);
        }
        return null;
    }

    /**
     * Why {@code next} (the worst case of the next {@code what}: "call", "file") could take a run past this budget
     * on top of what it has {@code spent} and has {@code inFlight}, null when it cannot.
     */
    public String refusal(Bill spent, Bill inFlight, Bill next, String what) {
        if (maxTokens != null
                && spent.tokens().total()
                                + inFlight.tokens().total()
                                + next.tokens().total()
                        > maxTokens) {
            return reached(
                    tokensSpent(spent) + ", " + tokens(inFlight.tokens().total()) + " in flight, and the next " + what
                            + " may take " + tokens(next.tokens().total()),
                    MAX_TOKENS);
        }
        // a model without a price is refused at launch when maxCostUsd is set (ProviderChains.unpriced)
        if (maxCostUsd != null
                && cost(spent).add(cost(inFlight)).add(cost(next)).compareTo(maxCostUsd) > 0) {
            return reached(
                    costSpent(spent) + ", " + Spend.usd(cost(inFlight)) + " in flight, and the next " + what
                            + " may cost " + Spend.usd(cost(next)),
                    MAX_COST_USD);
        }
        return null;
    }

    private static BigDecimal cost(Bill bill) {
        return bill.costUsd() == null ? BigDecimal.ZERO : bill.costUsd();
    }

    private static String reached(String spent, String parameter) {
        return ProviderChains.BUDGET_REACHED + spent + "; rerun with a larger " + parameter + " to continue";
    }

    private static String tokens(long count) {
        return String.format(Locale.ROOT, "%,d tokens", count);
    }

    private String tokensSpent(Bill spent) {
        return tokens(spent.tokens().total()) + " spent of " + MAX_TOKENS + "=" + maxTokens;
    }

    private String costSpent(Bill spent) {
        return Spend.usd(cost(spent)) + " spent of " + MAX_COST_USD + "=" + maxCostUsd.toPlainString();
    }
}
