package dev.legalgen.quality.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * jobs/derive-reporters regenerates the shipped table byte for byte from reporters-db's reporters.json. Needs
 * python3 and the file, so it runs when asked: {@code -Dlegalgen.test.reporters-json=/path/to/reporters.json}
 * (from {@code git --git-dir=<reporters-db> show <commit>:reporters_db/data/reporters.json}).
 */
@EnabledIfSystemProperty(named = "legalgen.test.reporters-json", matches = ".+")
class ReporterTableDerivationTests {

    private static final Path SHIPPED = Path.of("src/main/resources/quality/reporters.tsv");

    @Test
    void theScriptRegeneratesTheShippedTableByteForByte() throws IOException, InterruptedException {
        // given the commit the shipped table names
        String shipped = Files.readString(SHIPPED);
        Matcher commit = Pattern.compile("# reporters-db commit ([0-9a-f]{40})").matcher(shipped);
        assertThat(commit.find()).isTrue();
        Path derived = Files.createTempFile("reporters", ".tsv");

        // when
        Process script = new ProcessBuilder(
                        "python3",
                        "jobs/derive-reporters",
                        System.getProperty("legalgen.test.reporters-json"),
                        commit.group(1))
                .redirectOutput(derived.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();

        // then
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).isZero();
        assertThat(Files.readAllBytes(derived)).isEqualTo(Files.readAllBytes(SHIPPED));
        Files.delete(derived);
    }
}
