package dev.legalgen.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's list price in US dollars per million tokens, bound from
 * {@code legalgen.providers.<name>.prices[<model>]}: prompt tokens at {@code inputPerMillion}, completion tokens
 * (reasoning included, as the providers bill them) at {@code outputPerMillion}.
 */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** Exact for any whole number of tokens at a price of up to six decimals per million. */
    static final int SCALE = 12;

    /** The cost of {@code usage} at this price, exact. */
    public BigDecimal costOf(TokenUsage usage) {
        return BigDecimal.valueOf(usage.prompt())
                .multiply(inputPerMillion)
                .add(BigDecimal.valueOf(usage.completion()).multiply(outputPerMillion))
                .divide(MILLION, SCALE, RoundingMode.HALF_UP);
    }

    /** Problems with this price, each naming the property under {@code path}; empty when valid. */
    List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        check(problems, path + ".input-per-million", inputPerMillion);
        check(problems, path + ".output-per-million", outputPerMillion);
        return problems;
    }

    private static void check(List<String> problems, String property, BigDecimal value) {
        if (value == null) {
            problems.add(property + " must be set (US dollars per million tokens, e.g. 0.15)");
        } else if (value.signum() < 0) {
            problems.add(property + " must not be negative, was " + value.toPlainString());
        }
    }
}
