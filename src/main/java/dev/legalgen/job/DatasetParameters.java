package dev.legalgen.job;

import dev.legalgen.chain.Budget;
import dev.legalgen.export.ExportTarget;
import dev.legalgen.export.UnwritableExportException;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters (README, Job parameters): names spelled once, built from {@code name=value}
 * arguments or typed values by one {@link Builder}, validated once, and normalised so that the same
 * request always names the same instance. {@code output} is null when not given: each instance then
 * exports to a file of its own ({@link #exportTarget()}). {@code maxTokens} and {@code maxCostUsd}, the budget, are
 * null for no limit; like {@code output} they do not identify the instance, so a larger budget continues it.
 */
public record DatasetParameters(
        String dataset,
        int targetCount,
        List<String> practiceAreas,
        List<String> difficulties,
        String catalog,
        String chain,
        String output,
        String runId,
        Long maxTokens,
        BigDecimal maxCostUsd,
        RunMode mode) {

    public static final String DATASET = "dataset";
    public static final String TARGET_COUNT = "targetCount";
    public static final String PRACTICE_AREAS = "practiceAreas";
    public static final String DIFFICULTIES = "difficulties";
    public static final String CATALOG = "catalog";
    public static final String CHAIN = "chain";
    public static final String OUTPUT = "output";
    public static final String RUN_ID = "runId";
    public static final String MAX_TOKENS = Budget.MAX_TOKENS;
    public static final String MAX_COST_USD = Budget.MAX_COST_USD;
    public static final String MODE = "mode";

    public static final String ALL = "all";
    public static final String BUILT_IN_CATALOG = "builtin";
    public static final int MAX_TARGET_COUNT = 1_000_000;
    /** The directory of the datasets' exports when {@code output} is not given: {@code out/<dataset>/}. */
    public static final String DEFAULT_OUTPUT_ROOT = "out";

    private static final List<String> NAMES = List.of(
            DATASET,
            TARGET_COUNT,
            PRACTICE_AREAS,
            DIFFICULTIES,
            CATALOG,
            CHAIN,
            OUTPUT,
            RUN_ID,
            MAX_TOKENS,
            MAX_COST_USD,
            MODE);

    /** Parses {@code name=value} arguments; {@code defaultChain} applies when {@code chain} is absent. */
    public static DatasetParameters parse(List<String> args, String defaultChain) {
        Builder builder = builder(defaultChain);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("'" + arg + "' is not a job parameter: write name=value, with name one of "
                        + String.join(", ", NAMES));
            }
            builder.set(arg.substring(0, eq).trim(), arg.substring(eq + 1));
        }
        return builder.build();
    }

    /**
     * Parameters from typed values (the REST API) or text ({@link Builder#set}), validated once by {@link
     * Builder#build}.
     */
    public static Builder builder(String defaultChain) {
        return new Builder(defaultChain);
    }

    /** Collects parameter values; a value not given keeps its default. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();
        private String dataset = "legal-qa";
        private int targetCount = 100;
        private List<String> practiceAreas = List.of();
        private List<String> difficulties = List.of();
        private String catalog = BUILT_IN_CATALOG;
        private String chain;
        private String output;
        private String runId;
        private Long maxTokens;
        private BigDecimal maxCostUsd;
        private RunMode mode = RunMode.SYNC;

        private Builder(String defaultChain) {
            this.chain = defaultChain;
        }

        /** One {@code name=value} of the command line. */
        public Builder set(String name, String value) {
            if (!NAMES.contains(name)) {
                throw new UsageException("unknown job parameter '" + name + "'; known: " + String.join(", ", NAMES));
            }
            if (!given.add(name)) {
                throw new UsageException("job parameter '" + name + "' is given twice");
            }
            String text = value.trim();
            return switch (name) {
                case DATASET -> dataset(text);
                case TARGET_COUNT -> targetCount(wholeNumber(text));
                case PRACTICE_AREAS -> practiceAreas(list(text));
                case DIFFICULTIES -> difficulties(list(text));
                case CATALOG -> catalog(text);
                case CHAIN -> chain(text);
                case OUTPUT -> output(text);
                case RUN_ID -> runId(text);
                case MAX_TOKENS -> maxTokens(positiveWholeNumber(text));
                case MAX_COST_USD -> maxCostUsd(dollars(text));
                case MODE -> mode(RunMode.parse(text));
                default -> throw new IllegalStateException("parameter " + name + " has no setter");
            };
        }

        public Builder dataset(String value) {
            dataset = value == null ? dataset : value;
            return this;
        }

        public Builder targetCount(Integer value) {
            targetCount = value == null ? targetCount : value;
            return this;
        }

        /** Empty or null: the whole catalog. */
        public Builder practiceAreas(List<String> values) {
            practiceAreas = values == null ? practiceAreas : values;
            return this;
        }

        /** Empty or null: all three. */
        public Builder difficulties(List<String> values) {
            difficulties = values == null ? difficulties : values;
            return this;
        }

        public Builder catalog(String value) {
            catalog = value == null ? catalog : value;
            return this;
        }

        public Builder chain(String value) {
            chain = value == null ? chain : value;
            return this;
        }

        public Builder output(String value) {
            output = value;
            return this;
        }

        public Builder runId(String value) {
            runId = value;
            return this;
        }

        /** Null: no limit. */
        public Builder maxTokens(Long value) {
            maxTokens = value;
            return this;
        }

        /** Null: no limit. */
        public Builder maxCostUsd(BigDecimal value) {
            maxCostUsd = value;
            return this;
        }

        /** Null: {@code sync}. */
        public Builder mode(RunMode value) {
            mode = value == null ? RunMode.SYNC : value;
            return this;
        }

        /** As text ({@code sync}, {@code batch}); null: {@code sync}. */
        public Builder mode(String value) {
            return mode(value == null ? null : RunMode.parse(value.trim()));
        }

        /** @throws UsageException naming the parameter, the bad value and what is allowed */
        public DatasetParameters build() {
            if (!dataset.matches("[A-Za-z0-9._-]{1,64}")) {
                throw UsageException.of(
                        DATASET, "'" + dataset + "' is not a valid name; use 1-64 letters, digits, '.', '_' or '-'");
            }
            if (targetCount < 1 || targetCount > MAX_TARGET_COUNT) {
                throw notAWholeNumber(String.valueOf(targetCount));
            }
            if (chain == null || chain.isBlank()) {
                throw UsageException.of(
                        CHAIN,
                        "no provider chain given and none configured (legalgen.chain); "
                                + "e.g. chain=groq,cerebras or chain=simulator");
            }
            if (maxTokens != null && maxTokens < 1) {
                throw UsageException.of(MAX_TOKENS, "'" + maxTokens + "' is not a whole number of at least 1");
            }
            if (maxCostUsd != null && maxCostUsd.signum() <= 0) {
                throw notDollars(maxCostUsd.toPlainString());
            }
            return new DatasetParameters(
                    dataset,
                    targetCount,
                    practiceAreas,
                    difficulties.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList(),
                    catalog,
                    chain.replace(" ", ""),
                    validOutput(),
                    runId,
                    maxTokens,
                    maxCostUsd == null ? null : maxCostUsd.stripTrailingZeros(),
                    mode);
        }

        private String validOutput() {
            if (output != null && (output.isBlank() || !isPath(output))) {
                throw UsageException.of(
                        OUTPUT,
                        "'" + output + "' is not a file path; name a file, e.g. output=out/" + dataset + ".jsonl,"
                                + " or leave output out for out/<dataset>/instance-<id>.jsonl");
            }
            return output;
        }

        private static boolean isPath(String text) {
            try {
                Path.of(text);
                return true;
            } catch (InvalidPathException e) {
                return false;
            }
        }

        private static int wholeNumber(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw notAWholeNumber(text);
            }
        }

        private static long positiveWholeNumber(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw UsageException.of(MAX_TOKENS, "'" + text + "' is not a whole number of at least 1");
            }
        }

        private static BigDecimal dollars(String text) {
            try {
                return new BigDecimal(text.startsWith("$") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                throw notDollars(text);
            }
        }

        private static UsageException notDollars(String text) {
            return UsageException.of(
                    MAX_COST_USD, "'" + text + "' is not an amount of US dollars above 0, e.g. maxCostUsd=2.50");
        }

        private static UsageException notAWholeNumber(String text) {
            return UsageException.of(
                    TARGET_COUNT, "'" + text + "' is not a whole number from 1 to " + MAX_TARGET_COUNT);
        }
    }

    /** Reads back the parameters a job execution was launched with. */
    public static DatasetParameters from(JobParameters params) {
        return new DatasetParameters(
                params.getString(DATASET),
                params.getLong(TARGET_COUNT).intValue(),
                fromStored(params.getString(PRACTICE_AREAS)),
                fromStored(params.getString(DIFFICULTIES)),
                params.getString(CATALOG),
                params.getString(CHAIN),
                params.getString(OUTPUT),
                params.getString(RUN_ID),
                params.getLong(MAX_TOKENS),
                params.getString(MAX_COST_USD) == null ? null : new BigDecimal(params.getString(MAX_COST_USD)),
                params.getString(MODE) == null ? RunMode.SYNC : RunMode.parse(params.getString(MODE)));
    }

    /** What the run may spend. */
    public Budget budget() {
        return new Budget(maxTokens, maxCostUsd);
    }

    /** Where the export goes: {@code output} as given, else a file per instance under {@code out/<dataset>/}. */
    public ExportTarget exportTarget() {
        return output == null
                ? ExportTarget.perInstance(Path.of(DEFAULT_OUTPUT_ROOT, dataset))
                : ExportTarget.file(Path.of(output));
    }

    /** The file the export of {@code execution}'s instance goes (or went) to, as an absolute path. */
    public static Path exportFileOf(JobExecution execution) {
        return from(execution.getJobParameters())
                .exportTarget()
                .fileOf(execution.getJobInstance().getInstanceId())
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Checks that the export could be written before the job runs, so that no provider call is paid for in vain.
     *
     * @throws UsageException naming the path and what failed
     */
    public void checkOutputWritable() {
        try {
            exportTarget().checkWritable();
        } catch (UnwritableExportException e) {
            String fix = output == null
                    ? " (the default output's directory); give output=<file> elsewhere, or fix that directory"
                    : "; give another output=";
            throw UsageException.of(OUTPUT, null, e.getMessage() + fix, e);
        }
    }

    /** The same request as a new instance: {@code start --next}. */
    public DatasetParameters withFreshRunId() {
        return new DatasetParameters(
                dataset,
                targetCount,
                practiceAreas,
                difficulties,
                catalog,
                chain,
                output,
                UUID.randomUUID().toString().substring(0, 8),
                maxTokens,
                maxCostUsd,
                mode);
    }

    /**
     * Everything but {@code output} and the budget identifies the instance: the file may move between restarts, and a
     * larger budget continues a run its budget stopped. An {@code output} not given is not stored: the export step
     * then picks the instance's own file. The cost limit is stored as text, exactly as given. {@code mode} identifies
     * the instance but is stored only for {@code batch}, so that instances launched before it existed, and {@code
     * mode=sync}, are the same instances as before.
     */
    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(DATASET, dataset)
                .addLong(TARGET_COUNT, (long) targetCount)
                .addString(PRACTICE_AREAS, practiceAreas.isEmpty() ? ALL : String.join(",", practiceAreas))
                .addString(DIFFICULTIES, difficulties.isEmpty() ? ALL : String.join(",", difficulties))
                .addString(CATALOG, catalog)
                .addString(CHAIN, chain);
        if (output != null) {
            builder.addString(OUTPUT, output, false);
        }
        if (runId != null) {
            builder.addString(RUN_ID, runId);
        }
        if (maxTokens != null) {
            builder.addLong(MAX_TOKENS, maxTokens, false);
        }
        if (maxCostUsd != null) {
            builder.addString(MAX_COST_USD, maxCostUsd.toPlainString(), false);
        }
        if (mode != RunMode.SYNC) {
            builder.addString(MODE, mode.parameterValue());
        }
        return builder.toJobParameters();
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase(ALL)) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> fromStored(String value) {
        return ALL.equals(value) ? List.of() : list(value);
    }

    /** The command-line form, e.g. for the "rerun with" hint. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder()
                .append(DATASET)
                .append('=')
                .append(dataset)
                .append(' ')
                .append(TARGET_COUNT)
                .append('=')
                .append(targetCount);
        if (!practiceAreas.isEmpty()) {
            line.append(" \"")
                    .append(PRACTICE_AREAS)
                    .append('=')
                    .append(String.join(",", practiceAreas))
                    .append('"');
        }
        if (!difficulties.isEmpty()) {
            line.append(' ').append(DIFFICULTIES).append('=').append(String.join(",", difficulties));
        }
        if (!BUILT_IN_CATALOG.equals(catalog)) {
            line.append(' ').append(CATALOG).append('=').append(catalog);
        }
        line.append(' ').append(CHAIN).append('=').append(chain);
        if (runId != null) {
            line.append(' ').append(RUN_ID).append('=').append(runId);
        }
        if (mode != RunMode.SYNC) {
            line.append(' ').append(MODE).append('=').append(mode.parameterValue());
        }
        if (budget().limited()) {
            line.append(' ').append(budget().describe());
        }
        return line.toString();
    }
}
