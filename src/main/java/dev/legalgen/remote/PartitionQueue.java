package dev.legalgen.remote;

import org.springframework.amqp.core.Queue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partition queue, durable, declared by the broker admin on the first connection (remote mode only: the
 * local job never connects to a broker).
 */
@Configuration(proxyBeanMethods = false)
class PartitionQueue {

    @Bean
    Queue partitionRequests(RemoteSettings settings) {
        return new Queue(settings.queue(), true);
    }
}
