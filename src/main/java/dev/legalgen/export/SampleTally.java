package dev.legalgen.export;

import dev.legalgen.generation.LegalSample;
import java.util.Map;
import java.util.TreeMap;

/** What the card says of the exported samples themselves: how many, from which provider and model, their tokens. */
public final class SampleTally {

    private long samples;
    private long tokens;
    private final Map<String, Long> byRoute = new TreeMap<>();

    void add(LegalSample sample) {
        samples++;
        tokens += sample.tokensUsed();
        byRoute.merge(sample.provider() + " / " + sample.model(), 1L, Long::sum);
    }

    public long samples() {
        return samples;
    }

    public long tokens() {
        return tokens;
    }

    /** Samples per {@code provider / model}, in name order. */
    public Map<String, Long> byRoute() {
        return byRoute;
    }
}
