package dev.legalgen.batchmode;

import dev.legalgen.config.SettingsProblems;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code legalgen.batch.*}, for runs in batch mode ({@code mode=batch}): at most {@code maxLines} requests per file
 * (the providers take 50,000), the {@code completionWindow} asked of each batch ({@code 24h} to {@code 7d}), polls
 * every {@code pollInterval} at first, backing off to {@code maxPollInterval} while nothing changes; {@code maxRounds}
 * resubmission rounds for the slots that came back failed, expired or rejected, and, with {@code fallback=sync},
 * the synchronous chain for what is still missing after them.
 */
@ConfigurationProperties("legalgen.batch")
public record BatchSettings(
        @DefaultValue("1000") int maxLines,
        @DefaultValue("24h") String completionWindow,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("10m") Duration maxPollInterval,
        @DefaultValue("3") int maxRounds,
        @DefaultValue("none") Fallback fallback) {

    /** The providers' cap on a batch file's lines (provider-facts.md §10). */
    public static final int PROVIDER_MAX_LINES = 50_000;

    private static final Pattern WINDOW = Pattern.compile("(\\d+)([hd])");

    /** What becomes of the slots still missing after the last round. */
    public enum Fallback {
        /** They stay missing: the run ends with what the batches gave, as a synchronous run with skipped slots. */
        NONE,
        /** They are generated through the synchronous chain, in one more step. */
        SYNC
    }

    public BatchSettings {
        new SettingsProblems()
                .require(
                        maxLines >= 1 && maxLines <= PROVIDER_MAX_LINES,
                        "legalgen.batch.max-lines must be 1-50000 (the providers' limit per file), was " + maxLines)
                .require(
                        windowHours(completionWindow) >= 24 && windowHours(completionWindow) <= 7 * 24,
                        "legalgen.batch.completion-window must be 24h to 7d (e.g. 24h, 48h, 7d), was "
                                + completionWindow)
                .require(
                        pollInterval.compareTo(Duration.ofMillis(10)) >= 0,
                        "legalgen.batch.poll-interval must be at least 10ms, was " + pollInterval)
                .require(
                        maxPollInterval.compareTo(pollInterval) >= 0,
                        "legalgen.batch.max-poll-interval must be at least poll-interval (" + pollInterval + "), was "
                                + maxPollInterval)
                .require(
                        maxRounds >= 0 && maxRounds <= 10,
                        "legalgen.batch.max-rounds must be 0-10 (resubmission rounds after the first), was "
                                + maxRounds)
                .throwIfAny();
    }

    /** The first round and the resubmission rounds. */
    public int rounds() {
        return 1 + maxRounds;
    }

    /** {@code 24h} is 24, {@code 7d} 168; -1 for what is neither. */
    private static long windowHours(String window) {
        Matcher matcher = window == null ? null : WINDOW.matcher(window.trim());
        if (matcher == null || !matcher.matches()) {
            return -1;
        }
        long value = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("d") ? value * 24 : value;
    }
}
