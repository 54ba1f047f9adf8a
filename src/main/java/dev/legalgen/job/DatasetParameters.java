package dev.legalgen.job;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters (README, Job parameters): names spelled once, parsed from {@code name=value}
 * arguments, validated, and normalised so that the same request always names the same instance.
 */
public record DatasetParameters(
        String dataset,
        int targetCount,
        List<String> practiceAreas,
        List<String> difficulties,
        String catalog,
        String chain,
        String output,
        String runId) {

    public static final String DATASET = "dataset";
    public static final String TARGET_COUNT = "targetCount";
    public static final String PRACTICE_AREAS = "practiceAreas";
    public static final String DIFFICULTIES = "difficulties";
    public static final String CATALOG = "catalog";
    public static final String CHAIN = "chain";
    public static final String OUTPUT = "output";
    public static final String RUN_ID = "runId";

    public static final String ALL = "all";
    public static final String BUILT_IN_CATALOG = "builtin";
    public static final int MAX_TARGET_COUNT = 1_000_000;

    private static final List<String> NAMES =
            List.of(DATASET, TARGET_COUNT, PRACTICE_AREAS, DIFFICULTIES, CATALOG, CHAIN, OUTPUT, RUN_ID);

    /** Parses {@code name=value} arguments; {@code defaultChain} applies when {@code chain} is absent. */
    public static DatasetParameters parse(List<String> args, String defaultChain) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("'" + arg + "' is not a job parameter: write name=value, with name one of "
                        + String.join(", ", NAMES));
            }
            String name = arg.substring(0, eq).trim();
            if (!NAMES.contains(name)) {
                throw new UsageException("unknown job parameter '" + name + "'; known: " + String.join(", ", NAMES));
            }
            if (values.put(name, arg.substring(eq + 1).trim()) != null) {
                throw new UsageException("job parameter '" + name + "' is given twice");
            }
        }
        String dataset = values.getOrDefault(DATASET, "legal-qa");
        if (!dataset.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new UsageException(DATASET + ": '" + dataset
                    + "' is not a valid name; use 1-64 letters, digits, '.', '_' or '-'");
        }
        String chain = values.getOrDefault(CHAIN, defaultChain);
        if (chain == null || chain.isBlank()) {
            throw new UsageException(CHAIN + ": no provider chain given and none configured (legalgen.chain); "
                    + "e.g. chain=groq,cerebras or chain=simulator");
        }
        return new DatasetParameters(
                dataset,
                parseTargetCount(values.getOrDefault(TARGET_COUNT, "100")),
                list(values.get(PRACTICE_AREAS)),
                list(values.get(DIFFICULTIES)).stream()
                        .map(d -> d.toLowerCase(Locale.ROOT))
                        .toList(),
                values.getOrDefault(CATALOG, BUILT_IN_CATALOG),
                chain.replace(" ", ""),
                values.getOrDefault(OUTPUT, "out/" + dataset + ".jsonl"),
                values.get(RUN_ID));
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
                params.getString(RUN_ID));
    }

    /** The same request as a new instance: {@code start --next}. */
    public DatasetParameters withFreshRunId() {
        return new DatasetParameters(dataset, targetCount, practiceAreas, difficulties, catalog, chain, output,
                UUID.randomUUID().toString().substring(0, 8));
    }

    /** Everything but {@code output} identifies the instance: the file may move between restarts. */
    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(DATASET, dataset)
                .addLong(TARGET_COUNT, (long) targetCount)
                .addString(PRACTICE_AREAS, practiceAreas.isEmpty() ? ALL : String.join(",", practiceAreas))
                .addString(DIFFICULTIES, difficulties.isEmpty() ? ALL : String.join(",", difficulties))
                .addString(CATALOG, catalog)
                .addString(CHAIN, chain)
                .addString(OUTPUT, output, false);
        if (runId != null) {
            builder.addString(RUN_ID, runId);
        }
        return builder.toJobParameters();
    }

    private static int parseTargetCount(String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= MAX_TARGET_COUNT) {
                return count;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new UsageException(TARGET_COUNT + ": '" + value + "' is not a whole number from 1 to " + MAX_TARGET_COUNT);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase(ALL)) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> fromStored(String value) {
        return ALL.equals(value) ? List.of() : list(value);
    }

    /** The command-line form, e.g. for the "rerun with" hint. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder()
                .append(DATASET).append('=').append(dataset)
                .append(' ').append(TARGET_COUNT).append('=').append(targetCount);
        if (!practiceAreas.isEmpty()) {
            line.append(" \"").append(PRACTICE_AREAS).append('=').append(String.join(",", practiceAreas)).append('"');
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
        return line.toString();
    }
}
