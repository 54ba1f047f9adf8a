package dev.legalgen.quality.citation;

import dev.legalgen.provider.Sleeper;
import dev.legalgen.quality.citation.CaseCitation.Reference;
import dev.legalgen.quality.citation.CourtListenerClient.Reply;
import dev.legalgen.quality.citation.ReporterEdition.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Looks a citation's first reference up in CourtListener, once: the answer is cached in the database. Only
 * references CourtListener can know are sent (a volume, and a reporter from reporters-db, which it uses too);
 * the pacer keeps to its 60 citations a minute. Any failure leaves the static check standing.
 */
final class CourtListenerLookup implements CitationLookup {

    private static final Logger log = LoggerFactory.getLogger(CourtListenerLookup.class);
    /** Tries of one citation: each 429 moves its turn to the 429's {@code wait_until}. */
    private static final int ATTEMPTS = 3;
    /** After a failure (CourtListener down, a timeout), lookups pause rather than make every sample wait. */
    static final Duration FAILURE_PAUSE = Duration.ofMinutes(1);

    private final CitationSettings.CourtListener settings;
    private final ReporterTable reporters;
    private final CourtListenerClient client;
    private final LookupPacer pacer;
    private final LookupCache cache;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile boolean refused;

    CourtListenerLookup(
            CitationSettings.CourtListener settings,
            ReporterTable reporters,
            LookupCache cache,
            Clock clock,
            Sleeper sleeper) {
        this.settings = settings;
        this.reporters = reporters;
        this.client = new CourtListenerClient(settings, clock);
        this.pacer = new LookupPacer(clock, sleeper);
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public LookupOutcome find(CaseCitation citation) {
        Reference reference = citation.references().get(0);
        Optional<String> reporter = reporterToSend(reference);
        if (reporter.isEmpty()) {
            return LookupOutcome.UNAVAILABLE;
        }
        String key = reference.volume() + " " + reporter.get() + " " + reference.page();
        try {
            Optional<LookupOutcome> cached = cache.find(key);
            if (cached.isPresent()) {
                return cached.get();
            }
            if (refused || clock.instant().isBefore(pausedUntil)) {
                return LookupOutcome.UNAVAILABLE;
            }
            return lookUp(key, reference.volume(), reporter.get(), reference.page());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return LookupOutcome.UNAVAILABLE;
        } catch (DataAccessException cacheUnusable) {
            log.warn("Citation lookup of {} skipped: its cache is unusable ({})", key, cacheUnusable.getMessage());
            return LookupOutcome.UNAVAILABLE;
        }
    }

    private LookupOutcome lookUp(String key, String volume, String reporter, String page) throws InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (!pacer.awaitTurn(settings.maxWait())) {
                log.debug("CourtListener lookup of {} skipped: no turn within {}", key, settings.maxWait());
                return LookupOutcome.UNAVAILABLE;
            }
            Reply reply = client.lookUp(volume, reporter, page);
            if (reply instanceof Reply.Answered answered) {
                cache.save(key, answered.outcome(), clock.instant());
                return answered.outcome();
            }
            if (reply instanceof Reply.Throttled throttled) {
                log.info("CourtListener throttled citation lookups until {}", throttled.waitUntil());
                pacer.holdUntil(throttled.waitUntil());
                continue;
            }
            if (reply instanceof Reply.Refused refusal) {
                refused = true;
                log.warn(
                        "CourtListener refused the token (HTTP {}): citation lookups are off until restart;"
                                + " check COURTLISTENER_API_TOKEN",
                        refusal.status());
                return LookupOutcome.UNAVAILABLE;
            }
            pausedUntil = clock.instant().plus(FAILURE_PAUSE);
            log.warn(
                    "CourtListener lookup of {} failed ({}); lookups pause for {}, the static check stands",
                    key,
                    ((Reply.Failed) reply).reason(),
                    FAILURE_PAUSE.toSeconds() + "s");
            return LookupOutcome.UNAVAILABLE;
        }
        return LookupOutcome.UNAVAILABLE;
    }

    /** The canonical abbreviation when the written one has exactly one; empty when CourtListener cannot know it. */
    private Optional<String> reporterToSend(Reference reference) {
        boolean known = reference.hasVolume()
                && reporters.editions(reference.reporter()).stream()
                        .anyMatch(edition -> edition.source() == Source.REPORTERS_DB);
        return known
                ? Optional.of(reporters.canonical(reference.reporter()).orElse(reference.reporter()))
                : Optional.empty();
    }
}
