package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.operations.DatasetLauncher;
import dev.legalgen.operations.ExitCode;
import dev.legalgen.operations.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** With {@code legalgen.export.formats} set, the job's export step writes the trainer-ready layout too. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:export-step;DB_CLOSE_DELAY=-1",
            "legalgen.export.formats=openai-chat,alpaca",
            "legalgen.export.split=train=0.75,test=0.25"
        })
class ExportStepFunctionalTests {

    @Autowired
    DatasetLauncher launcher;

    @TempDir
    Path work;

    @Test
    void theLayoutIsWrittenBesideTheNativeFile() throws IOException {
        // when
        Outcome run = launcher.start(
                DatasetParameters.parse(
                        List.of(
                                "targetCount=20",
                                "chain=simulator",
                                "dataset=t-" + UUID.randomUUID(),
                                "output=" + work.resolve("qa.jsonl")),
                        null),
                false);

        // then
        assertThat(run.exitCode()).as(run.message()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllLines(work.resolve("qa.jsonl"))).hasSize(20);
        Path layout = work.resolve("qa");
        long lines = 0;
        for (String split : List.of("train", "test")) {
            lines += Files.readAllLines(layout.resolve("openai-chat").resolve(split + ".jsonl"))
                    .size();
            assertThat(layout.resolve("alpaca").resolve(split + ".jsonl")).isRegularFile();
        }
        assertThat(lines).isEqualTo(20);
        assertThat(layout.resolve("native")).doesNotExist();
        assertThat(layout.resolve("validation.jsonl")).doesNotExist();
        assertThat(Files.readString(layout.resolve("README.md"))).contains("config_name: openai-chat");
    }
}
