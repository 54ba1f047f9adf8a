package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/batches}: OpenAI's list object, newest first, paged by {@code limit} and {@code after}. */
class SimulatorBatchListIntegrationTests {

    private static final String MODEL = "legal-sim-large";

    private final Simulator simulator =
            Simulator.start(SimulatorConfig.defaults().withApiKey(SimClient.KEY));
    private final BatchClient client = new BatchClient(simulator);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pagesListTheBatchesNewestFirstUntilHasMoreIsFalse() {
        // given: five batches, created in order
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(client.submitted(BatchClient.jsonl(MODEL, 1)));
        }

        // when
        JsonNode first = SimClient.json(client.list("?limit=2"));
        JsonNode second = SimClient.json(
                client.list("?limit=2&after=" + first.get("last_id").asString()));
        JsonNode third =
                SimClient.json(client.list("?after=" + second.get("last_id").asString() + "&limit=2"));

        // then
        List<String> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        assertThat(first.get("object").asString()).isEqualTo("list");
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.get("first_id").asString()).isEqualTo(newestFirst.get(0));
        assertThat(first.get("last_id").asString()).isEqualTo(newestFirst.get(1));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(second.get("has_more").asBoolean()).isTrue();
        assertThat(ids(third)).containsExactly(newestFirst.get(4));
        assertThat(third.get("has_more").asBoolean()).isFalse();
        assertThat(first.at("/data/0/object").asString()).isEqualTo("batch");
        assertThat(first.at("/data/0/status").asString())
                .as("listed batches are caught up with the clock, as a poll would")
                .isEqualTo("completed");
        assertThat(simulator.batchListCount()).isEqualTo(3);
        assertThat(simulator.batchPollCount()).isZero();
    }

    @Test
    void theDefaultPageHoldsTwentyAndAnEmptyListHasNoIds() {
        // given
        JsonNode empty = SimClient.json(client.list(""));
        for (int i = 0; i < 21; i++) {
            client.submitted(BatchClient.jsonl(MODEL, 1));
        }

        // when
        JsonNode page = SimClient.json(client.list(""));

        // then
        assertThat(empty.get("data")).isEmpty();
        assertThat(empty.get("first_id").isNull()).isTrue();
        assertThat(empty.get("last_id").isNull()).isTrue();
        assertThat(empty.get("has_more").asBoolean()).isFalse();
        assertThat(page.get("data")).hasSize(20);
        assertThat(page.get("has_more").asBoolean()).isTrue();
    }

    @Test
    void aLimitOutsideOneToAHundredIsRefusedAndAWrongKeyIs401() {
        // when
        HttpResponse<String> tooMany = client.list("?limit=101");
        HttpResponse<String> none = client.list("?limit=0");
        HttpResponse<String> notANumber = client.list("?limit=many");
        HttpResponse<String> hundred = client.list("?limit=100");
        HttpResponse<String> wrongKey = client.get("/batches", "gsk_wrong");

        // then
        assertThat(List.of(tooMany, none, notANumber)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(SimClient.json(response).at("/error/param").asString()).isEqualTo("limit");
        });
        assertThat(hundred.statusCode()).isEqualTo(200);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(SimClient.json(wrongKey).at("/error/code").asString()).isEqualTo("invalid_api_key");
        assertThat(simulator.batchListCount()).isEqualTo(5);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(batch -> ids.add(batch.get("id").asString()));
        return ids;
    }
}
