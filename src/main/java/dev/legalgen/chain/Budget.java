package dev.legalgen.chain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
}
