package dev.legalgen.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Result lines the simulator does not write: unreadable ones, empty answers, a proxy's page. */
class BatchResultLineTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProviderSettings SETTINGS = new ProviderSettings(
            URI.create("http://127.0.0.1:1/v1"),
            ApiKey.none(),
            List.of("m"),
            0,
            0,
            0,
            0,
            null,
            null,
            0,
            null,
            null,
            null,
            null);

    @Test
    void anUnreadableLineFailsWithoutACustomId() {
        BatchResultLine line = parse("{\"custom_id\": \"slot-1\", \"respo");

        assertThat(line.customId()).isNull();
        assertThat(line.outcome()).isEqualTo(BatchResultLine.Outcome.FAILED);
        assertThat(line.problem()).isEqualTo("unreadable result line: {\"custom_id\": \"slot-1\", \"respo");
    }

    @Test
    void aLineWithNeitherResponseNorErrorFails() {
        BatchResultLine line = parse("{\"id\":\"r\",\"custom_id\":\"slot-2\",\"response\":null,\"error\":null}");

        assertThat(line.customId()).isEqualTo("slot-2");
        assertThat(line.outcome()).isEqualTo(BatchResultLine.Outcome.FAILED);
        assertThat(line.problem()).isEqualTo("no response and no error");
    }

    @Test
    void anAnswerWithoutContentIsUnusableAndBilled() {
        BatchResultLine line = parse("{\"custom_id\":\"slot-3\",\"response\":{\"status_code\":200,\"body\":"
                + "{\"model\":\"m\",\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":4}}},\"error\":null}");

        assertThat(line.outcome()).isEqualTo(BatchResultLine.Outcome.UNUSABLE);
        assertThat(line.problem()).isEqualTo("no_content_finish_stop");
        assertThat(line.completion().bill().tokens()).isEqualTo(new TokenUsage(10, 4, 0));
    }

    @Test
    void aProxyPageInAFailedLineFailsWithItsStatus() {
        BatchResultLine line = parse("{\"custom_id\":\"slot-4\",\"response\":{\"status_code\":502,\"body\":"
                + "\"<html>Bad Gateway</html>\"},\"error\":null}");

        assertThat(line.outcome()).isEqualTo(BatchResultLine.Outcome.FAILED);
        assertThat(line.completion()).isNull();
        assertThat(line.problem()).isEqualTo("no error code or message (status 502)");
    }

    private static BatchResultLine parse(String line) {
        return BatchResultLine.parse(line, "groq", SETTINGS, JSON);
    }
}
