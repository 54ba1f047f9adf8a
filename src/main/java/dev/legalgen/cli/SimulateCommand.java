package dev.legalgen.cli;

import dev.legalgen.simulator.BatchTiming;
import dev.legalgen.simulator.Dialect;
import dev.legalgen.simulator.Simulator;
import dev.legalgen.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run the built-in OpenAI-compatible provider simulator on 127.0.0.1 until interrupted.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, description = "TCP port (0 picks a free one)")
    int port;

    @Option(names = "--latency-ms", defaultValue = "0", description = "latency of every answer (default 0)")
    long latencyMs;

    @Option(
            names = "--dialect",
            defaultValue = "GROQ",
            description = "error bodies and rate-limit headers: ${COMPLETION-CANDIDATES}")
    Dialect dialect;

    @Option(names = "--models", split = ",", description = "model ids served (default legal-sim-large,legal-sim-small)")
    List<String> models;

    @Option(names = "--api-key", description = "the only bearer key accepted (default: any)")
    String apiKey;

    @Option(names = "--rpm", defaultValue = "0", description = "requests per minute enforced with 429s (0 = none)")
    int requestsPerMinute;

    @Option(names = "--tpm", defaultValue = "0", description = "tokens per minute enforced with 429s (0 = none)")
    int tokensPerMinute;

    @Option(
            names = "--batch-validating-ms",
            defaultValue = "0",
            description = "how long a batch validates before its first line runs (default 0)")
    long batchValidatingMs;

    @Option(
            names = "--batch-line-ms",
            defaultValue = "0",
            description = "how long each batch line takes, one after another (default 0)")
    long batchLineMs;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPort(port)
                .withDialect(dialect)
                .withLatency(Duration.ofMillis(latencyMs))
                .withApiKey(apiKey)
                .withLimits(requestsPerMinute, tokensPerMinute)
                .withBatchTiming(new BatchTiming(
                        Duration.ofMillis(batchValidatingMs),
                        Duration.ofMillis(batchLineMs),
                        Duration.ZERO,
                        Duration.ZERO));
        if (models != null && !models.isEmpty()) {
            config = config.withModels(models);
        }
        Simulator simulator = Simulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            // what a benchmark compares with the samples it asked for and the tokens the provider allows (jobs/bench)
            int batchCalls = simulator.fileUploadCount()
                    + simulator.batchCreateCount()
                    + simulator.batchPollCount()
                    + simulator.fileDownloadCount()
                    + simulator.batchCancelCount()
                    + simulator.batchListCount();
            System.out.println("simulator stopped after " + simulator.requestCount() + " chat requests, "
                    + batchCalls + " Batch API requests (" + simulator.fileUploadCount() + " uploads, "
                    + simulator.batchCreateCount() + " creates, " + simulator.batchPollCount() + " polls, "
                    + simulator.fileDownloadCount() + " downloads), " + simulator.tokensCounted() + " tokens counted");
            System.out.flush();
            stopped.countDown();
        }));
        System.out.println("simulator (" + dialect + ") serving " + config.models() + " at " + simulator.baseUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
