package dev.legalgen.store;

import dev.legalgen.provider.Bill;
import dev.legalgen.provider.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * What an instance's executions were billed, per route ({@code provider_call}), and what its committed samples hold
 * ({@code kept}); the rest was paid and not kept: calls of skipped slots, answers the checks rejected or the chain
 * re-asked, and answers a crash threw away. A cost counts the calls that have a price; {@link #unpricedCalls} do not.
 */
public record Spend(List<SpendLedger.RouteSpend> routes, Bill spent, Bill kept) {

    public long calls() {
        return routes.stream().mapToLong(SpendLedger.RouteSpend::calls).sum();
    }

    public long unpricedCalls() {
        return routes.stream().mapToLong(SpendLedger.RouteSpend::unpricedCalls).sum();
    }

    /** Spent minus kept, never below zero (rows older than the spend table have no calls). */
    public Bill notKept() {
        TokenUsage s = spent.tokens();
        TokenUsage k = kept.tokens();
        return new Bill(
                new TokenUsage(
                        Math.max(0, s.prompt() - k.prompt()),
                        Math.max(0, s.completion() - k.completion()),
                        Math.max(0, s.reasoning() - k.reasoning())),
                spent.costUsd().subtract(kept.costUsd()).max(BigDecimal.ZERO));
    }

    /** {@code 1,234 tokens (prompt 400, completion 834, reasoning 120), $0.000567}. */
    public static String describe(Bill bill) {
        TokenUsage t = bill.tokens();
        return String.format(
                        Locale.ROOT,
                        "%,d tokens (prompt %,d, completion %,d, reasoning %,d)",
                        t.total(),
                        t.prompt(),
                        t.completion(),
                        t.reasoning())
                + (bill.costUsd() == null ? "" : ", " + usd(bill.costUsd()));
    }

    /** Dollars to the millionth, the price of a few tokens: {@code $0.000567}. */
    public static String usd(BigDecimal amount) {
        return "$" + amount.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
