package dev.legalgen.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTargetTests {

    @TempDir
    Path dir;

    @Test
    void theCheckCreatesTheMissingDirectoriesAndLeavesNothingInThem() throws IOException {
        // given
        ExportTarget target = ExportTarget.file(dir.resolve("a/b/samples.jsonl"));

        // when
        target.checkWritable();

        // then
        assertThat(dir.resolve("a/b")).isEmptyDirectory();
    }

    @Test
    void aDirectoryIsNoOutputFile() {
        ExportTarget target = ExportTarget.file(dir);

        assertThatThrownBy(target::checkWritable)
                .isInstanceOf(UnwritableExportException.class)
                .hasMessage(dir + " is a directory, not a file");
    }

    @Test
    void aFileInTheWayOfTheDirectoryIsNamed() throws IOException {
        // given
        Path file = Files.createFile(dir.resolve("taken"));
        Path output = file.resolve("sub/samples.jsonl");

        // when / then
        assertThatThrownBy(() -> ExportTarget.file(output).checkWritable())
                .isInstanceOf(UnwritableExportException.class)
                .hasMessage(output + ": cannot create directory " + file.resolve("sub") + ": " + file
                        + " is a file, not a directory");
        assertThatThrownBy(() -> ExportTarget.perInstance(file).checkWritable())
                .hasMessage("cannot create directory " + file + ": " + file + " is a file, not a directory");
    }

    @Test
    void aDirectoryWhereNoFileCanBeCreatedIsNamedWithTheReason() {
        // given /sys, where no one may create a file, root included (a chmod-ed directory would not stop root)
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys), "needs Linux's /sys");

        // when / then
        assertThatThrownBy(() -> ExportTarget.file(sys.resolve("samples.jsonl")).checkWritable())
                .isInstanceOf(UnwritableExportException.class)
                .hasMessage("/sys/samples.jsonl: cannot create files in /sys (permission denied)");
    }

    @Test
    void eachInstanceHasItsOwnFileAndLatestNamesTheNewestByARelativeLink() throws IOException {
        // given
        ExportTarget target = ExportTarget.perInstance(dir.resolve("legal-qa"));
        Path latest = dir.resolve("legal-qa/latest.jsonl");

        // when the exports of two instances are in place, one after the other
        for (long instance : new long[] {3, 4}) {
            Files.createDirectories(latest.getParent());
            Files.writeString(target.fileOf(instance), "instance " + instance + "\n");
            target.exported(instance);
        }

        // then
        assertThat(target.fileOf(3)).isNotEqualTo(target.fileOf(4)).hasContent("instance 3");
        assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of("instance-4.jsonl"));
        assertThat(latest).hasContent("instance 4");
        assertThat(latest.getParent())
                .isDirectoryContaining("glob:**/instance-3.jsonl")
                .isDirectoryNotContaining("glob:**/.*");
    }

    @Test
    void aLatestLinkThatCannotBeReplacedLeavesTheExportStanding() throws IOException {
        // given a directory in the way of the link
        ExportTarget target = ExportTarget.perInstance(dir);
        Files.createDirectories(dir.resolve("latest.jsonl/inside"));
        Files.writeString(target.fileOf(1), "instance 1\n");

        // when
        target.exported(1);

        // then: a warning only; the export is there and no temporary link is left
        assertThat(target.fileOf(1)).hasContent("instance 1");
        assertThat(dir).isDirectoryNotContaining("glob:**/.*");
    }
}
