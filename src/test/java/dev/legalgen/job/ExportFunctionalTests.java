package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.operations.DatasetExports;
import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code export}: the four formats and their splits, parsed back and checked field by field against the database;
 * the card's front matter against the files; a partial instance; a directory that cannot be written.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:exports;DB_CLOSE_DELAY=-1",
            "legalgen.job.partitions=2" // so that a run failing after 30 answers has committed whole chunks
        })
class ExportFunctionalTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatasetLauncher launcher;

    @Autowired
    DatasetExports exports;

    @Autowired
    SimulatorProvider simulatorProvider;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    Simulator simulator;

    @BeforeEach
    void resetSimulator() {
        simulator = simulatorProvider.simulator();
        simulator.reset();
    }

    @Test
    void everyFormatHoldsEverySampleOnceInOneSplitAsTheDatabaseHasIt() throws IOException {
        // given
        Outcome run = launcher.start(params("targetCount=60"), false);
        assertThat(run.exitCode()).as(run.message()).isEqualTo(ExitCode.OK);
        Map<String, Map<String, Object>> stored = storedSamples(JobRows.instanceOf(jdbc, run));

        // when
        Path out = work.resolve("export");
        Outcome exported = exports.export(
                String.valueOf(run.executionId()), List.of("all"), "train=0.8,validation=0.1,test=0.1", out);

        // then
        assertThat(exported.exitCode()).as(exported.message()).isEqualTo(ExitCode.OK);
        assertThat(exported.message()).contains("exported 60 samples");
        Map<String, String> splitOf = new HashMap<>();
        for (String split : List.of("train", "validation", "test")) {
            for (JsonNode line : lines(out.resolve("native").resolve(split + ".jsonl"))) {
                Map<String, Object> row = stored.get(line.path("id").asString());
                assertThat(row)
                        .as("exported sample %s is in the database", line.path("id"))
                        .isNotNull();
                assertThat(line.path("question").asString()).isEqualTo(row.get("QUESTION"));
                assertThat(line.path("answer").asString()).isEqualTo(row.get("ANSWER"));
                assertThat(line.path("reasoning").asString()).isEqualTo(row.get("REASONING"));
                assertThat(line.path("case_citation").asString()).isEqualTo(row.get("CASE_CITATION"));
                assertThat(line.path("practice_area").asString()).isEqualTo(row.get("PRACTICE_AREA"));
                assertThat(line.path("tokens_used").asInt()).isEqualTo(row.get("TOKENS_USED"));
                assertThat(line.path("prompt_tokens").asLong()).isEqualTo(row.get("PROMPT_TOKENS"));
                assertThat(line.path("completion_tokens").asLong()).isEqualTo(row.get("COMPLETION_TOKENS"));
                assertThat(line.path("reasoning_tokens").asLong()).isEqualTo(row.get("REASONING_TOKENS"));
                assertThat(line.path("cost_usd").decimalValue()).isEqualByComparingTo((BigDecimal) row.get("COST_USD"));
                assertThat(splitOf.put(line.path("id").asString(), split))
                        .as("once")
                        .isNull();
            }
        }
        assertThat(splitOf).hasSize(60);
        assertThat(splitOf.values().stream().filter("train"::equals).count()).isBetween(40L, 56L);

        // the other formats: the same samples, line for line in the same split files
        List<JsonNode> nativeTrain = lines(out.resolve("native/train.jsonl"));
        List<JsonNode> chat = lines(out.resolve("openai-chat/train.jsonl"));
        List<JsonNode> alpaca = lines(out.resolve("alpaca/train.jsonl"));
        List<JsonNode> sharegpt = lines(out.resolve("sharegpt/train.jsonl"));
        assertThat(chat).hasSameSizeAs(nativeTrain);
        for (int i = 0; i < nativeTrain.size(); i++) {
            JsonNode sample = nativeTrain.get(i);
            JsonNode messages = chat.get(i).path("messages");
            assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
            assertThat(messages.get(1).path("role").asString()).isEqualTo("user");
            assertThat(messages.get(1).path("content").asString())
                    .isEqualTo(sample.path("question").asString());
            assertThat(messages.get(2).path("role").asString()).isEqualTo("assistant");
            String laidOut = sample.path("answer").asString() + "\n\n"
                    + sample.path("reasoning").asString() + "\n\nAuthority: "
                    + sample.path("case_citation").asString();
            assertThat(messages.get(2).path("content").asString()).isEqualTo(laidOut);
            assertThat(alpaca.get(i).path("instruction").asString())
                    .isEqualTo(sample.path("question").asString());
            assertThat(alpaca.get(i).path("input").asString()).isEmpty();
            assertThat(alpaca.get(i).path("output").asString()).isEqualTo(laidOut);
            JsonNode turns = sharegpt.get(i).path("conversations");
            assertThat(turns.get(0).path("from").asString()).isEqualTo("human");
            assertThat(turns.get(0).path("value").asString())
                    .isEqualTo(sample.path("question").asString());
            assertThat(turns.get(1).path("from").asString()).isEqualTo("gpt");
            assertThat(turns.get(1).path("value").asString()).isEqualTo(laidOut);
        }

        // and a second export puts every sample in the same split
        Path again = work.resolve("again");
        exports.export(
                String.valueOf(run.executionId()), List.of("native"), "train=0.8,validation=0.1,test=0.1", again);
        for (String split : List.of("train", "validation", "test")) {
            for (JsonNode line : lines(again.resolve("native").resolve(split + ".jsonl"))) {
                assertThat(splitOf.get(line.path("id").asString())).isEqualTo(split);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCardsFrontMatterNamesTheFilesWithTheirExamplesAndBytes() throws IOException {
        // given
        Outcome run = launcher.start(params("targetCount=30"), false);
        Path out = work.resolve("card");

        // when
        exports.export(String.valueOf(run.executionId()), List.of("native", "sharegpt"), null, out);

        // then
        String card = Files.readString(out.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(card).startsWith("---\n");
        Map<String, Object> front = new Yaml().load(card.substring(4, card.indexOf("\n---\n", 4)));
        assertThat(front.get("license")).isEqualTo("other");
        assertThat(front.get("task_categories")).isEqualTo(List.of("question-answering", "text-generation"));
        assertThat(front.get("language")).isEqualTo(List.of("en"));
        assertThat(front.get("tags")).isEqualTo(List.of("legal", "synthetic"));
        assertThat(front.get("size_categories")).isEqualTo(List.of("n<1K"));
        List<Map<String, Object>> configs = (List<Map<String, Object>>) front.get("configs");
        assertThat(configs).extracting(config -> config.get("config_name")).containsExactly("native", "sharegpt");
        long examples = 0;
        for (Map<String, Object> config : configs) {
            for (Map<String, Object> files : (List<Map<String, Object>>) config.get("data_files")) {
                assertThat(out.resolve((String) files.get("path"))).isRegularFile();
            }
        }
        for (Map<String, Object> info : (List<Map<String, Object>>) front.get("dataset_info")) {
            for (Map<String, Object> split : (List<Map<String, Object>>) info.get("splits")) {
                Path file = out.resolve(info.get("config_name") + "/" + split.get("name") + ".jsonl");
                assertThat(((Number) split.get("num_examples")).longValue())
                        .isEqualTo(lines(file).size());
                assertThat(((Number) split.get("num_bytes")).longValue()).isEqualTo(Files.size(file));
                if (info.get("config_name").equals("native")) {
                    examples += ((Number) split.get("num_examples")).longValue();
                }
            }
        }
        assertThat(examples).isEqualTo(30);
        assertThat(card)
                .contains("Generated by legal-dataset-batch from job instance")
                .contains("not legal advice")
                .contains("| simulator / ")
                .contains("## Coverage")
                .contains("## Tokens and cost")
                .containsPattern(
                        "\\| \\*\\*all billed calls\\*\\* \\| \\d+ \\| \\d+ \\| \\d+ \\| 0 \\| \\$0\\.\\d{6} \\|")
                .contains("| spent, not kept |")
                .contains("`prompts/user.txt`: `")
                .doesNotContain("partial export");
    }

    @Test
    void aFailedInstanceExportsWhatItCommittedAndItsSplitsHoldAfterTheRestart() throws IOException {
        // given: the key is revoked after 30 answers
        var params = params("targetCount=60");
        simulator.faults().forAllModels().after(30, new Fault.Status(401, null));
        Outcome failed = launcher.start(params, false);
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);

        // when
        Path partial = work.resolve("partial");
        Outcome exported = exports.export(String.valueOf(failed.executionId()), List.of("native"), null, partial);

        // then
        assertThat(exported.exitCode()).as(exported.message()).isEqualTo(ExitCode.OK);
        Map<String, String> before = splitsOf(partial);
        assertThat(before).isNotEmpty().hasSizeLessThan(60);
        assertThat(Files.readString(partial.resolve("README.md"))).contains("This is a partial export");

        // when: the restart completes the instance, and it is exported again
        simulator.reset();
        Outcome completed = launcher.start(params, false);
        assertThat(completed.exitCode()).as(completed.message()).isEqualTo(ExitCode.OK);
        exports.export(String.valueOf(completed.executionId()), List.of("native"), null, partial);

        // then
        Map<String, String> after = splitsOf(partial);
        assertThat(after).hasSize(60);
        before.forEach(
                (id, split) -> assertThat(after.get(id)).as("sample %s", id).isEqualTo(split));
        assertThat(Files.readString(partial.resolve("README.md"))).doesNotContain("This is a partial export");
    }

    @Test
    void anUnwritableDirectoryFailsWithItsReasonAndLeavesNothing() throws IOException {
        // given
        Outcome run = launcher.start(params("targetCount=10"), false);
        Path blocker = Files.writeString(work.resolve("blocker"), "a file where the export's parent should be");

        // when
        Outcome refused = exports.export(String.valueOf(run.executionId()), List.of("all"), null, blocker.resolve("x"));

        // then
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.message()).contains(blocker.toString()).contains("is a file, not a directory");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).containsExactlyInAnyOrder(blocker, work.resolve("runs"));
        }
    }

    @Test
    void aDirectoryOfOtherFilesIsNotReplaced() throws IOException {
        // given
        Outcome run = launcher.start(params("targetCount=10"), false);
        Path mine = Files.createDirectories(work.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");

        // when
        Outcome refused = exports.export(String.valueOf(run.executionId()), List.of("native"), null, mine);

        // then
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.message()).contains("not an earlier export");
        assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("keep me");
    }

    @Test
    void anUnknownFormatOrABadSplitIsAUsageErrorNamingIt() {
        Outcome run = launcher.start(params("targetCount=10"), false);

        assertThat(exports.export(String.valueOf(run.executionId()), List.of("parquet"), null, work)
                        .message())
                .isEqualTo("--format 'parquet' is not an export format; use native, openai-chat, alpaca, sharegpt"
                        + " or all");
        assertThat(exports.export(String.valueOf(run.executionId()), List.of(), "train=0.5", work))
                .satisfies(outcome -> {
                    assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(outcome.message()).startsWith("--split 'train=0.5': the shares add up to 0.5");
                });
    }

    private Map<String, String> splitsOf(Path out) throws IOException {
        Map<String, String> splits = new HashMap<>();
        for (String split : List.of("train", "validation", "test")) {
            for (JsonNode line : lines(out.resolve("native").resolve(split + ".jsonl"))) {
                splits.put(line.path("id").asString(), split);
            }
        }
        return splits;
    }

    private Map<String, Map<String, Object>> storedSamples(long instance) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        jdbc.queryForList("SELECT * FROM legal_sample WHERE job_instance_id = ?", instance)
                .forEach(row -> rows.put((String) row.get("ID"), row));
        return rows;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private DatasetParameters params(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "chain=simulator",
                "runId=" + UUID.randomUUID(),
                "dataset=t-" + UUID.randomUUID(),
                "output=" + work.resolve("runs").resolve(UUID.randomUUID() + ".jsonl")));
        return DatasetParameters.parse(all, null);
    }
}
