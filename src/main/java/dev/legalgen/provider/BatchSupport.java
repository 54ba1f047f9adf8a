package dev.legalgen.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a provider takes batches through its Batch API, bound from {@code legalgen.providers.<name>.batch}: for
 * which of its models (empty: all of them), at what discount off its list prices (0.5: half price), and how long
 * an upload or a download of a batch file may take ({@code transfer-timeout}, instead of the provider's read
 * timeout: a file holds up to 50,000 lines and 200 MB).
 */
public record BatchSupport(boolean enabled, List<String> models, BigDecimal discount, Duration transferTimeout) {

    /** Groq's and Cerebras' batch discount: 50% off the synchronous price (provider-facts.md §10). */
    public static final BigDecimal DEFAULT_DISCOUNT = new BigDecimal("0.5");

    public static final Duration DEFAULT_TRANSFER_TIMEOUT = Duration.ofMinutes(30);

    public static final BatchSupport NONE = new BatchSupport(false, List.of(), null, null);

    public BatchSupport {
        models = models == null ? List.of() : List.copyOf(models);
        discount = discount == null ? DEFAULT_DISCOUNT : discount;
        transferTimeout = transferTimeout == null ? DEFAULT_TRANSFER_TIMEOUT : transferTimeout;
    }

    /** Whether a batch of requests to {@code model} may go to this provider. */
    public boolean accepts(String model) {
        return enabled && (models.isEmpty() || models.contains(model));
    }

    /** What a list price becomes in a batch: {@code price × (1 − discount)}. */
    BigDecimal discounted(BigDecimal listCost) {
        return listCost.multiply(BigDecimal.ONE.subtract(discount)).setScale(ModelPrice.SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Problems with these settings under {@code path}. Batch models the provider's {@code models} leave out are not
     * one: narrowing the models (e.g. to one of Groq's) keeps the shipped batch list valid, and a chain only ever
     * names the provider's models.
     */
    List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) > 0) {
            problems.add(
                    path + ".discount must be between 0 and 1 (0.5 is half price), was " + discount.toPlainString());
        }
        if (transferTimeout.isNegative() || transferTimeout.isZero()) {
            problems.add(path + ".transfer-timeout must be positive (e.g. 30m), was " + transferTimeout);
        }
        return problems;
    }
}
