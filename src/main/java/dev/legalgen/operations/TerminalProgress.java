package dev.legalgen.operations;

import dev.legalgen.chain.ProviderChains;
import dev.legalgen.job.DatasetParameters;
import dev.legalgen.job.JobListenerOrder;
import dev.legalgen.provider.ChainState;
import dev.legalgen.store.SampleStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a terminal, a live progress line on stderr: samples done of the target, rate, ETA, current
 * route, skips. Off when output goes to a file or a scheduler (no console), or with
 * {@code legalgen.progress=false}; logs get a line per chunk instead (kept off the terminal while the line
 * shows: {@link LogLinesOffTerminal}).
 */
@Component
@Order(JobListenerOrder.PROGRESS)
class TerminalProgress implements JobExecutionListener {

    private final SampleStore samples;
    private final ProviderChains chains;
    private final boolean enabled;
    private final LogLinesOffTerminal quietLines;
    private final PrintStream out = System.err;
    private ScheduledExecutorService ticker;
    private Runnable draw;
    private boolean shown;

    TerminalProgress(SampleStore samples, ProviderChains chains, Settings settings, LoggingSystem logging) {
        this.samples = samples;
        this.chains = chains;
        this.enabled = settings.progress() && System.console() != null;
        this.quietLines = new LogLinesOffTerminal(logging);
    }

    /** {@code legalgen.progress}: whether a terminal shows the progress line. */
    @ConfigurationProperties("legalgen")
    record Settings(@DefaultValue("true") boolean progress) {}

    @Override
    public synchronized void beforeJob(JobExecution execution) {
        if (!enabled) {
            return;
        }
        long instance = execution.getJobInstance().getInstanceId();
        int target = DatasetParameters.from(execution.getJobParameters()).targetCount();
        long startCount = samples.count(instance);
        long startNanos = System.nanoTime();
        quietLines.hide();
        shown = false;
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        draw = () -> out.print("\r"
                + line(
                        execution,
                        samples.count(instance),
                        target,
                        startCount,
                        Duration.ofNanos(System.nanoTime() - startNanos))
                + "   ");
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void afterJob(JobExecution execution) {
        if (ticker != null) {
            ticker.shutdown();
            ticker = null;
            if (shown) { // the final count, then the line is done; a run over within a second shows none
                draw.run();
                out.println();
            }
            quietLines.show();
        }
    }

    private synchronized void tick() {
        if (ticker != null) { // else the job ended while this tick waited
            draw.run();
            shown = true;
        }
    }

    private String line(JobExecution execution, long done, int target, long startCount, Duration elapsed) {
        double rate = (done - startCount) / Math.max(0.001, elapsed.toMillis() / 1000.0);
        String eta = rate > 0 ? format(Duration.ofSeconds((long) ((target - done) / rate))) : "-";
        ChainState state = chains.state(execution.getId());
        String route =
                state == null || state.current() == null ? "-" : state.current().toString();
        long skips = execution.getStepExecutions().stream()
                .mapToLong(StepExecution::getSkipCount)
                .sum();
        return String.format(
                Locale.ROOT,
                "%d/%d samples (%d%%), %.1f/s, ETA %s, %s, %d skipped",
                done,
                target,
                done * 100 / Math.max(1, target),
                rate,
                eta,
                route,
                skips);
    }

    private static String format(Duration duration) {
        return String.format(
                Locale.ROOT, "%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }
}
