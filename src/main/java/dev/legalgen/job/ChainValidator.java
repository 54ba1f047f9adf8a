package dev.legalgen.job;

/** Checks a {@code chain} parameter against the configured providers before anything runs. */
public interface ChainValidator {

    /** @throws UsageException naming the bad entry and the usable providers and models */
    void validate(String chain);
}
