package dev.legalgen.quality.citation;

import dev.legalgen.config.SettingsProblems;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.quality.*} of the citation check: {@code citations} is the policy for samples whose check fails,
 * {@code court-listener.*} the optional lookup, off unless a token is given (from {@code COURTLISTENER_API_TOKEN}).
 */
@ConfigurationProperties("legalgen.quality")
public record CitationSettings(
        @DefaultValue("reask") CitationPolicy citations,
        @DefaultValue CourtListener courtListener) {

    /** Whether citations are looked up: only when they are checked at all and a token is set. */
    public boolean looksUp() {
        return citations != CitationPolicy.OFF && courtListener.hasToken();
    }

    /**
     * {@code legalgen.quality.court-listener.*}. {@code max-wait} bounds how long one lookup waits for its turn
     * (one citation a second, none before a 429's {@code wait_until}) before the static check stands alone.
     */
    public record CourtListener(
            @DefaultValue("https://www.courtlistener.com") URI baseUrl,
            String token,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("60s") Duration maxWait) {

        public CourtListener {
            new SettingsProblems()
                    .require(
                            baseUrl.isAbsolute()
                                    && ("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme())),
                            "legalgen.quality.court-listener.base-url must be an http(s) URL, was " + baseUrl)
                    .require(
                            timeout.toMillis() >= 100 && timeout.toSeconds() <= 300,
                            "legalgen.quality.court-listener.timeout must be 100ms-300s, was " + timeout)
                    .require(
                            !maxWait.isNegative() && maxWait.toMinutes() <= 60,
                            "legalgen.quality.court-listener.max-wait must be 0s-60m, was " + maxWait)
                    .throwIfAny();
        }

        public boolean hasToken() {
            return token != null && !token.isBlank();
        }

        /** The citation-lookup endpoint under the base URL. */
        URI citationLookupUri() {
            String base = baseUrl.toString();
            return URI.create((base.endsWith("/") ? base : base + "/") + "api/rest/v4/citation-lookup/");
        }

        /** A record would print the token. */
        @Override
        public String toString() {
            return "CourtListener[baseUrl=" + baseUrl + ", token=" + (hasToken() ? "****" : "<none>") + ", timeout="
                    + timeout + ", maxWait=" + maxWait + "]";
        }
    }
}
