package dev.legalgen.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.legalgen.testsupport.QuestionSimilarity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SimulatorSuccessIntegrationTests {

    private Simulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void groqSuccessHasGroqShapeAndAJsonSample() {
        // given
        SimClient client = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> response = client.chat("legal-sim-large");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SimClient.json(response);
        assertThat(body.get("id").asString()).startsWith("chatcmpl-");
        assertThat(body.get("object").asString()).isEqualTo("chat.completion");
        assertThat(body.get("model").asString()).isEqualTo("legal-sim-large");
        assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(body.at("/choices/0/message/role").asString()).isEqualTo("assistant");
        assertThat(body.at("/choices/0").has("logprobs")).isTrue();
        assertThat(body.at("/usage/prompt_tokens").asInt()).isPositive();
        assertThat(body.at("/usage/completion_tokens").asInt()).isPositive();
        assertThat(body.at("/usage/total_tokens").asInt())
                .isEqualTo(body.at("/usage/prompt_tokens").asInt()
                        + body.at("/usage/completion_tokens").asInt());
        assertThat(body.at("/usage").has("queue_time")).isTrue();
        assertThat(body.has("time_info")).isFalse();
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(requestId).matches("req_[0-9a-z]{26}");
        assertThat(body.at("/x_groq/id").asString()).isEqualTo(requestId);
        assertSample(SimClient.content(response));
    }

    @Test
    void cerebrasSuccessHasTimeInfoAndNoGroqExtras() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withDialect(Dialect.CEREBRAS));

        // when
        HttpResponse<String> response = client.chat("legal-sim-small");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SimClient.json(response);
        assertThat(body.get("model").asString()).isEqualTo("legal-sim-small");
        assertThat(body.at("/usage/total_tokens").asInt()).isPositive();
        assertThat(body.at("/usage").has("queue_time")).isFalse();
        assertThat(body.at("/time_info/total_time").isNumber()).isTrue();
        assertThat(body.has("x_groq")).isFalse();
        assertThat(response.headers().firstValue("x-request-id")).isEmpty();
        assertSample(SimClient.content(response));
    }

    @Test
    void aPromptIsAnsweredAlikeTheFirstTimeInEverySimulatorAndDifferentlyWhenSentAgain() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        String formation = SimClient.body("legal-sim-large", SimClient.prompt("Contract Law", "Formation", "basic"));
        String remedies = SimClient.body("legal-sim-large", SimClient.prompt("Contract Law", "Remedies", "basic"));

        // when
        JsonNode first = SimClient.content(client.post(formation, SimClient.KEY));
        JsonNode again = SimClient.content(client.post(formation, SimClient.KEY));
        JsonNode other = SimClient.content(client.post(remedies, SimClient.KEY));
        simulator.reset();
        JsonNode afterReset = SimClient.content(client.post(formation, SimClient.KEY));

        // then: repeatable runs, but slots sharing a prompt are not all given one question
        assertThat(afterReset).isEqualTo(first);
        assertThat(again.get("question")).isNotEqualTo(first.get("question"));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void sampleMentionsThePlanSlotAndSaysItIsSimulated() {
        // given
        SimClient client = start(SimulatorConfig.defaults());
        String prompt = SimClient.prompt("Criminal Law", "Mens Rea", "expert");

        // when
        JsonNode sample = SimClient.content(client.post(SimClient.body("legal-sim-small", prompt), SimClient.KEY));

        // then
        assertThat(sample.get("question").asString()).contains("Mens Rea", "expert", "Criminal Law");
        assertThat(sample.get("answer").asString()).contains("Mens Rea", "simulated");
        assertThat(sample.get("case_citation").asString())
                .as("a real leading case, or the prompt's answer when none fits")
                .matches(".+ v\\. .+, \\d+ [A-Za-z. 0-9]+ \\d+ \\(([^()]* )?\\d{4}\\)|No single controlling case");
        assertThat(sample.get("reasoning").asString()).contains("Issue:", "Rule:", "Application:", "Conclusion:");
        SeenRequest seen = simulator.requests().get(0);
        assertThat(seen.model()).isEqualTo("legal-sim-small");
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.practiceArea()).isEqualTo("Criminal Law");
        assertThat(seen.topic()).isEqualTo("Mens Rea");
        assertThat(seen.difficulty()).isEqualTo("expert");
    }

    @Test
    void questionsOfOneCellAreDistinctQuestionsThatShareTheirCellsPhrasing() {
        // given: what a model asked many times about one practice area, topic and difficulty is asked, angle by angle
        SimClient client = start(SimulatorConfig.defaults());
        List<String> questions = new ArrayList<>();

        // when
        for (int angle = 0; angle < 40; angle++) {
            String prompt = SimClient.prompt("Tort Law", "Duty of Care", "advanced") + "\nAngle: " + angle;
            JsonNode sample = SimClient.content(client.post(SimClient.body("legal-sim-large", prompt), SimClient.KEY));
            questions.add(sample.get("question").asString());
        }

        // then: none repeats another, and few pairs share the 70% of 3-grams the job counts as a near-duplicate
        List<Double> similarities = new ArrayList<>(QuestionSimilarity.pairwise(questions));
        Collections.sort(similarities);
        assertThat(similarities.get(similarities.size() - 1)).isLessThan(1.0);
        assertThat(similarities.stream().filter(similarity -> similarity >= 0.7))
                .as("near-duplicate pairs of 780")
                .hasSizeLessThan(8);
        assertThat(similarities.get(similarities.size() / 2))
                .as("median similarity")
                .isLessThan(0.5);
    }

    @Test
    void promptWithoutPlanLinesGetsAGenericSample() {
        // given
        SimClient client = start(SimulatorConfig.defaults());

        // when
        HttpResponse<String> response =
                client.post(SimClient.body("legal-sim-large", "Any legal question."), SimClient.KEY);

        // then
        assertSample(SimClient.content(response));
        SeenRequest seen = simulator.requests().get(0);
        assertThat(seen.practiceArea()).isNull();
        assertThat(seen.topic()).isNull();
        assertThat(seen.difficulty()).isNull();
    }

    @Test
    void modelsEndpointListsTheConfiguredModels() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withModels("a", "b"));

        // when
        HttpResponse<String> response = client.get("/models", SimClient.KEY);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"object\":\"list\",\"data\":["
                        + "{\"id\":\"a\",\"object\":\"model\",\"created\":0,\"owned_by\":\"simulator\"},"
                        + "{\"id\":\"b\",\"object\":\"model\",\"created\":0,\"owned_by\":\"simulator\"}]}");
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void configuredLatencyDelaysTheAnswer() {
        // given
        SimClient client = start(SimulatorConfig.defaults().withLatency(Duration.ofMillis(300)));
        long started = System.nanoTime();

        // when
        HttpResponse<String> response = client.chat("legal-sim-large");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
    }

    private SimClient start(SimulatorConfig config) {
        simulator = Simulator.start(config);
        return new SimClient(simulator);
    }

    private static void assertSample(JsonNode sample) {
        assertThat(sample.propertyNames()).containsExactly("question", "answer", "reasoning", "case_citation");
        sample.forEach(field -> assertThat(field.asString()).isNotBlank());
    }
}
