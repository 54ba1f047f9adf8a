package dev.legalgen.remote;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * The manager's end of the partition channel: each request goes to the durable queue as a persistent message, and
 * counts as sent only once the broker confirms it (publisher confirms), so that a broker that restarts loses none.
 * An unconfirmed request fails the manager's step, which a rerun sends again.
 */
final class PartitionPublisher implements MessageHandler {

    private final RabbitTemplate rabbit;
    private final RemoteSettings settings;

    PartitionPublisher(RabbitTemplate rabbit, RemoteSettings settings) {
        this.rabbit = rabbit;
        this.settings = settings;
    }

    @Override
    public void handleMessage(Message<?> message) {
        StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
        rabbit.invoke(operations -> {
            operations.send("", settings.queue(), PartitionMessages.toAmqp(request));
            operations.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
            return null;
        });
    }
}
