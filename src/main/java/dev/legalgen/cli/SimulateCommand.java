package dev.legalgen.cli;

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

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPort(port)
                .withDialect(dialect)
                .withLatency(Duration.ofMillis(latencyMs))
                .withApiKey(apiKey)
                .withLimits(requestsPerMinute, tokensPerMinute);
        if (models != null && !models.isEmpty()) {
            config = config.withModels(models);
        }
        Simulator simulator = Simulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            // what a benchmark compares with the samples it asked for and the tokens the provider allows (jobs/bench)
            System.out.println("simulator stopped after " + simulator.requestCount() + " chat requests, "
                    + simulator.tokensCounted() + " tokens counted");
            System.out.flush();
            stopped.countDown();
        }));
        System.out.println("simulator (" + dialect + ") serving " + config.models() + " at " + simulator.baseUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
