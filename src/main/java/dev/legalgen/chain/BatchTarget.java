package dev.legalgen.chain;

import dev.legalgen.provider.BatchApiClient;
import dev.legalgen.provider.ProviderSettings;
import dev.legalgen.provider.Route;

/** Where a run in batch mode sends its files: one route, its provider's settings and Batch API client. */
public record BatchTarget(Route route, ProviderSettings settings, BatchApiClient client) {}
