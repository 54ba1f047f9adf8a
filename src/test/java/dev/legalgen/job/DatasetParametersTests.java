package dev.legalgen.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

class DatasetParametersTests {

    @Test
    void omittedParametersTakeTheirDefaultsSoThatTheSameRequestNamesTheSameInstance() {
        // given / when
        JobParameters implicit = DatasetParameters.parse(List.of(), "groq").toJobParameters();
        JobParameters explicit = DatasetParameters.parse(
                        List.of("targetCount=100", "dataset=legal-qa", "chain=groq", "difficulties=all"), "cerebras")
                .toJobParameters();

        // then
        assertThat(new JobParameters(implicit.getIdentifyingParameters()))
                .isEqualTo(new JobParameters(explicit.getIdentifyingParameters()));
        assertThat(implicit.getString(DatasetParameters.OUTPUT)).isNull();
    }

    @Test
    void withoutOutputEachInstanceExportsToAFileOfItsOwn() {
        // given
        DatasetParameters implicit = DatasetParameters.parse(List.of("dataset=torts"), "groq");
        DatasetParameters explicit = DatasetParameters.parse(List.of("output=exports/torts.jsonl"), "groq");

        // when / then
        assertThat(implicit.exportTarget().fileOf(7)).isEqualTo(Path.of("out", "torts", "instance-7.jsonl"));
        assertThat(explicit.exportTarget().fileOf(7)).isEqualTo(Path.of("exports", "torts.jsonl"));
    }

    @Test
    void rejectsAnOutputThatIsNoPath() {
        for (String bad : List.of("", " ", "a\u0000b")) {
            assertThatThrownBy(() -> DatasetParameters.parse(List.of("output=" + bad), "groq"))
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("output: '")
                    .hasMessageContaining("not a file path");
        }
    }

    @Test
    void outputDoesNotIdentifyTheInstanceSoItMayChangeBetweenRestarts() {
        JobParameters a =
                DatasetParameters.parse(List.of("output=a.jsonl"), "groq").toJobParameters();
        JobParameters b =
                DatasetParameters.parse(List.of("output=b.jsonl"), "groq").toJobParameters();

        assertThat(a.getIdentifyingParameters()).isEqualTo(b.getIdentifyingParameters());
    }

    @Test
    void roundTripsThroughJobParameters() {
        DatasetParameters params = DatasetParameters.parse(
                List.of(
                        "dataset=torts",
                        "targetCount=7",
                        "practiceAreas=Tort Law, Contract Law",
                        "difficulties=Basic,advanced",
                        "chain=simulator",
                        "runId=r1"),
                null);

        assertThat(DatasetParameters.from(params.toJobParameters())).isEqualTo(params);
        assertThat(params.practiceAreas()).containsExactly("Tort Law", "Contract Law");
        assertThat(params.difficulties()).containsExactly("basic", "advanced");
    }

    @Test
    void nextAddsAFreshIdentifyingRunId() {
        DatasetParameters params = DatasetParameters.parse(List.of(), "groq");

        DatasetParameters next = params.withFreshRunId();

        assertThat(next.runId()).isNotBlank();
        assertThat(next.toJobParameters().getIdentifyingParameters())
                .isNotEqualTo(params.toJobParameters().getIdentifyingParameters());
    }

    @Test
    void rejectsUnknownParametersNamingTheKnownOnes() {
        assertThatThrownBy(() -> DatasetParameters.parse(List.of("targetcount=5"), "groq"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown job parameter 'targetcount'")
                .hasMessageContaining("targetCount");
    }

    @Test
    void rejectsBadTargetCounts() {
        for (String bad : List.of("0", "-3", "ten", "1000001", "")) {
            assertThatThrownBy(() -> DatasetParameters.parse(List.of("targetCount=" + bad), "groq"))
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("targetCount: '" + bad + "'");
        }
    }

    @Test
    void rejectsArgumentsThatAreNotNameValuePairsAndRepeatedNames() {
        assertThatThrownBy(() -> DatasetParameters.parse(List.of("simulator"), "groq"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("write name=value");
        assertThatThrownBy(() -> DatasetParameters.parse(List.of("chain=a", "chain=b"), "groq"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void rejectsDatasetNamesThatWouldMakeBadFileNames() {
        assertThatThrownBy(() -> DatasetParameters.parse(List.of("dataset=../etc"), "groq"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("dataset:");
    }
}
