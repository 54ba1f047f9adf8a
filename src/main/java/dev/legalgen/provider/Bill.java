package dev.legalgen.provider;

import java.math.BigDecimal;

/**
 * What calls were billed: their tokens and, when every one of them had a configured price, their cost in US dollars
 * ({@code costUsd} null: some call's model has no price, see {@link ModelPrice}).
 */
public record Bill(TokenUsage tokens, BigDecimal costUsd) {

    public static final Bill NONE = new Bill(TokenUsage.NONE, BigDecimal.ZERO);

    /** The bill of both; its cost is unknown when either's is. */
    public Bill plus(Bill other) {
        return new Bill(
                tokens.plus(other.tokens),
                costUsd == null || other.costUsd == null ? null : costUsd.add(other.costUsd));
    }
}
