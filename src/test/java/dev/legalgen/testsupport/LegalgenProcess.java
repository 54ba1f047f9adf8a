package dev.legalgen.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged jar run as a process, as a scheduler runs it: arguments in, exit code and output out. */
public final class LegalgenProcess {

    private static final Path JAR = Path.of(System.getProperty("legalgen.jar", "target/legal-dataset-batch.jar"));

    private final Process process;
    private final Path output;

    private LegalgenProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code java -jar legal-dataset-batch.jar args...} in {@code workDir}, output to a file. */
    public static LegalgenProcess start(Path workDir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(args);
        Path output = Files.createTempFile(workDir, "legalgen-", ".out");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new LegalgenProcess(process, output);
    }

    /** Runs to the end and returns the exit code. */
    public static Result run(Path workDir, List<String> args) throws IOException, InterruptedException {
        LegalgenProcess process = start(workDir, args);
        return process.await(Duration.ofMinutes(2));
    }

    public Result await(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("legalgen did not finish within " + timeout + "; output:\n" + output());
        }
        return new Result(process.exitValue(), output());
    }

    /** Waits until the output has a line matching {@code condition} (the process's own progress log). */
    public void awaitOutput(Predicate<String> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().lines().anyMatch(condition)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "legalgen exited " + process.exitValue() + " first; output:\n" + output());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no matching output within " + timeout + "; output:\n" + output());
    }

    /** SIGTERM, as schedulers send it. */
    public void terminate() {
        process.destroy();
    }

    /** SIGINT, as Ctrl-C sends it. */
    /**
     * Whether this JVM ignores SIGINT, as a process started in the background by a shell without job control does
     * ({@code cmd &} in a script): its children inherit that, and a JVM started ignoring SIGINT never installs its
     * handler, so an {@link #interrupt} could not reach them. Linux only ({@code /proc}); false elsewhere.
     */
    public static boolean sigintIgnored() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("SigIgn:"))
                    .map(line -> Long.parseUnsignedLong(
                            line.substring("SigIgn:".length()).strip(), 16))
                    .anyMatch(mask -> (mask & (1L << 1)) != 0); // bit 1: SIGINT, signal 2
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** SIGKILL: no shutdown hook runs, the execution stays STARTED in the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Exit code and everything the process printed. */
    public record Result(int exitCode, String output) {}
}
