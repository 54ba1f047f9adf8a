package dev.legalgen.cli;

import dev.legalgen.quality.citation.CitationChecker;
import dev.legalgen.quality.dedup.DuplicateIndex;
import dev.legalgen.quality.dedup.DuplicateKey;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/bench quality}: what the duplicate index and the citation check cost per sample as a dataset grows, on
 * the configured database. Claims synthetic questions shaped as a model's are (each shares its practice area, topic
 * and difficulty's phrasing with a few hundred others), each in a transaction of its own as the job's acceptance does;
 * times the claim and the check only (the transaction's commit is the journal's, which the job pays anyway).
 */
@Command(
        name = "bench-quality",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Measure the duplicate index and the citation check per sample as the dataset grows.")
final class QualityBenchCommand extends SpringCommand {

    private static final String DATASET = "bench-quality";
    private static final int CELLS = 360;
    private static final int WINDOW = 1_000;
    private static final String[] CITATIONS = {
        "Hadley v. Baxendale, 9 Exch. 341 (1854)",
        "Palsgraf v. Long Island R.R. Co., 162 N.E. 99 (N.Y. 1928)",
        "Brown v. Board of Education, 347 U.S. 483 (1954)",
        "Doe v. Roe, 12 Leg. Fict. 34 (2001)",
        "No single controlling case",
    };

    @Option(names = "--samples", defaultValue = "100000", description = "questions claimed (default 100000)")
    int samples;

    @Option(names = "--report-every", defaultValue = "20000", description = "claims between reports (default 20000)")
    int reportEvery;

    @Override
    public Integer call() {
        return inContext(this::measure);
    }

    private int measure(ConfigurableApplicationContext context) {
        DuplicateIndex index = context.getBean(DuplicateIndex.class);
        CitationChecker citations = context.getBean(CitationChecker.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        PrintWriter out = spec.commandLine().getOut();
        SplittableRandom random = new SplittableRandom(42);
        index.open(DATASET);
        long dedupNanos = 0;
        long citationNanos = 0;
        int duplicates = 0;
        for (int slot = 0; slot < samples; slot++) {
            String question = question(slot % CELLS, random);
            DuplicateKey key = new DuplicateKey(DATASET, 1, slot);
            long[] took = new long[1];
            boolean duplicate = Boolean.TRUE.equals(transaction.execute(status -> {
                long started = System.nanoTime();
                boolean repeat = index.claim(key, question).isDuplicate();
                took[0] = System.nanoTime() - started;
                return repeat;
            }));
            duplicates += duplicate ? 1 : 0;
            long started = System.nanoTime();
            citations.check(CITATIONS[slot % CITATIONS.length]);
            long citationTook = System.nanoTime() - started;
            if (slot % reportEvery >= reportEvery - WINDOW) { // the last WINDOW claims before each report
                dedupNanos += took[0];
                citationNanos += citationTook;
            }
            if ((slot + 1) % reportEvery == 0) {
                out.println(String.format(
                        Locale.ROOT,
                        "at %d claims: dedup %.3f ms/sample, citation %.3f ms/sample, heap %d MB after GC,"
                                + " %d refused as duplicates",
                        slot + 1,
                        dedupNanos / 1e6 / WINDOW,
                        citationNanos / 1e6 / WINDOW,
                        heapAfterGcMegabytes(),
                        duplicates));
                out.flush();
                dedupNanos = 0;
                citationNanos = 0;
            }
        }
        return 0;
    }

    /** A question sharing its cell's opening with every other of the cell, then 10 to 50 words of its own. */
    private static String question(int cell, SplittableRandom random) {
        StringBuilder question =
                new StringBuilder("Under the law of area ").append(word(cell)).append(", how should a court decide");
        for (int word = 10 + random.nextInt(41); word > 0; word--) {
            question.append(' ').append(word(random.nextInt(20_000)));
        }
        return question.append('?').toString();
    }

    /** A pronounceable word per number: a vocabulary of 20,000 words. */
    private static String word(int number) {
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        for (int n = number; word.length() == 0 || n > 0; n /= 80) {
            word.append(consonants.charAt(n % 16)).append(vowels.charAt(n / 16 % 5));
        }
        return word.toString();
    }

    private static long heapAfterGcMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
