package dev.legalgen.remote;

import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partition request on the wire: {@code {"stepName":"generateWorker","stepExecutionId":42}},
 * persistent, readable in the broker's console. JSON rather than Java serialization, which a consumer would have to
 * trust with arbitrary classes.
 */
final class PartitionMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PartitionMessages() {}

    static Message toAmqp(StepExecutionRequest request) {
        String body = JSON.createObjectNode()
                .put("stepName", request.getStepName())
                .put("stepExecutionId", request.getStepExecutionId())
                .toString();
        return MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
    }

    /** The request a message carries; IllegalArgumentException naming what is wrong when it carries none. */
    static StepExecutionRequest fromAmqp(Message message) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode step = node.get("stepName");
            JsonNode id = node.get("stepExecutionId");
            if (step == null || !step.isString() || id == null || !id.canConvertToLong()) {
                throw new IllegalArgumentException("needs a stepName and a stepExecutionId, was " + abbreviated(body));
            }
            return new StepExecutionRequest(step.asString(), id.asLong());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviated(body), e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
