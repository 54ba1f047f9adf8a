package dev.legalgen.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same call many times from a pool of threads, as a job's concurrent items do. */
public final class Parallel {

    private Parallel() {}

    /** {@code calls} runs of {@code call} on {@code threads} threads; their answers, or the first failure. */
    public static <T> List<T> run(int threads, int calls, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                tasks.add(call);
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pool.invokeAll(tasks)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
