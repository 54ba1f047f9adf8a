package dev.legalgen.chain;

import dev.legalgen.provider.Bill;
import dev.legalgen.provider.Route;
import dev.legalgen.provider.Spending;
import dev.legalgen.provider.TokenUsage;
import dev.legalgen.store.Spend;
import dev.legalgen.store.SpendLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
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
        if (budget.maxTokens() != null && tokens >= budget.maxTokens()) {
            refusal = reached(tokensSpent(), Budget.MAX_TOKENS);
        } else if (budget.maxCostUsd() != null && cost.compareTo(budget.maxCostUsd()) >= 0) {
            refusal = reached(costSpent(), Budget.MAX_COST_USD);
        }
    }

    @Override
    public synchronized Booking book(Route route, TokenUsage worstCase) {
        if (refusal != null) {
            return null;
        }
        Bill worst = pricing.apply(route, worstCase);
        long worstTokens = worstCase.total();
        if (budget.maxTokens() != null && tokens + bookedTokens + worstTokens > budget.maxTokens()) {
            refusal = reached(
                    tokensSpent() + ", " + tokens(bookedTokens) + " in flight, and the next call may take "
                            + tokens(worstTokens),
                    Budget.MAX_TOKENS);
            return null;
        }
        // a model without a price is refused at launch when maxCostUsd is set (ProviderChains.unpriced)
        BigDecimal worstCost = worst.costUsd() == null ? BigDecimal.ZERO : worst.costUsd();
        if (budget.maxCostUsd() != null && cost.add(bookedCost).add(worstCost).compareTo(budget.maxCostUsd()) > 0) {
            refusal = reached(
                    costSpent() + ", " + usd(bookedCost) + " in flight, and the next call may cost " + usd(worstCost),
                    Budget.MAX_COST_USD);
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

    private static String reached(String spent, String parameter) {
        return ProviderChains.BUDGET_REACHED + spent + "; rerun with a larger " + parameter + " to continue";
    }

    private static String tokens(long count) {
        return String.format(Locale.ROOT, "%,d tokens", count);
    }

    private String tokensSpent() {
        return tokens(tokens) + " spent of " + Budget.MAX_TOKENS + "=" + budget.maxTokens();
    }

    private String costSpent() {
        return usd(cost) + " spent of " + Budget.MAX_COST_USD + "="
                + budget.maxCostUsd().toPlainString();
    }

    private static String usd(BigDecimal amount) {
        return Spend.usd(amount);
    }
}
