package dev.legalgen.quality.citation;

import dev.legalgen.provider.Sleeper;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The citation checker, with CourtListener's lookup when a token is configured and citations are checked. */
@Configuration(proxyBeanMethods = false)
class CitationCheckConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CitationCheckConfiguration.class);

    @Bean
    CitationLookup citationLookup(
            CitationSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        if (!settings.looksUp()) {
            return CitationLookup.NONE;
        }
        log.info(
                "Citations are verified with CourtListener at {}",
                settings.courtListener().baseUrl());
        return new CourtListenerLookup(
                settings.courtListener(),
                ReporterTable.standard(),
                new LookupCache(jdbc, transactionManager),
                clock,
                Sleeper.SYSTEM);
    }

    @Bean
    CitationChecker citationChecker(CitationLookup citationLookup, Clock clock) {
        return new CitationChecker(ReporterTable.standard(), clock, citationLookup);
    }
}
