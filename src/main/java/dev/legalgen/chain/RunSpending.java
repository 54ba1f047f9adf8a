package dev.legalgen.chain;

import dev.legalgen.provider.Bill;
import dev.legalgen.provider.Route;
import dev.legalgen.provider.Spending;
import dev.legalgen.provider.TokenUsage;
import dev.legalgen.store.SpendLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * One execution's spending: starts from what every execution of its instance was billed ({@code provider_call}),
 * books each call at its worst case (the prompt estimate and the whole completion budget, priced at its model's
 * price), and refuses the first call that could take the total past the budget. A call's bill is written to the
 * ledger as soon as it is answered, before it settles here.
 */
final class RunSpending implements Spending {

    private final long instanceId;
    private final long executionId;
    private final Budget budget;
    private final SpendLedger ledger;
    private final BiFunction<Route, TokenUsage, Bill> pricing;
    private final Clock clock;
    private long tokens;
    private BigDecimal cost;
    private long bookedTokens;
    private BigDecimal bookedCost = BigDecimal.ZERO;
    private volatile String refusal;

    RunSpending(
            long instanceId,
            long executionId,
            Budget budget,
            SpendLedger ledger,
            BiFunction<Route, TokenUsage, Bill> pricing,
            Clock clock) {
        this.instanceId = instanceId;
        this.executionId = executionId;
        this.budget = budget;
        this.ledger = ledger;
        this.pricing = pricing;
        this.clock = clock;
        Bill spent = SpendLedger.total(ledger.spentBy(instanceId));
        this.tokens = spent.tokens().total();
        this.cost = spent.costUsd();
        this.refusal = budget.reachedBy(spent);
    }

    @Override
    public synchronized Booking book(Route route, TokenUsage worstCase) {
        if (refusal != null) {
            return null;
        }
        Bill worst = pricing.apply(route, worstCase);
        long worstTokens = worstCase.total();
        BigDecimal worstCost = worst.costUsd() == null ? BigDecimal.ZERO : worst.costUsd();
        String refused = budget.refusal(
                new Bill(new TokenUsage(0, tokens, 0), cost),
                new Bill(new TokenUsage(0, bookedTokens, 0), bookedCost),
                new Bill(worstCase, worstCost),
                "call");
        if (refused != null) {
            refusal = refused;
            return null;
        }
        bookedTokens += worstTokens;
        bookedCost = bookedCost.add(worstCost);
        return new Booking() {
            @Override
            public void billed(Bill bill) {
                try {
                    ledger.record(instanceId, executionId, route, bill, clock.instant());
                } finally {
                    settle(worstTokens, worstCost, bill);
                }
            }

            @Override
            public void unbilled() {
                settle(worstTokens, worstCost, Bill.NONE);
            }
        };
    }

    private synchronized void settle(long worstTokens, BigDecimal worstCost, Bill bill) {
        bookedTokens -= worstTokens;
        bookedCost = bookedCost.subtract(worstCost);
        tokens += bill.tokens().total();
        if (bill.costUsd() != null) {
            cost = cost.add(bill.costUsd());
        }
    }

    @Override
    public String refusal() {
        return refusal;
    }
}
