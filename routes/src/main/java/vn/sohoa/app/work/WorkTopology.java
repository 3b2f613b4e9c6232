package vn.sohoa.app.work;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable work queues between the stages, declared by every process on every connection: scans, pages
 * and documents. On RabbitMQ they are quorum queues (replicated, durable) with {@code x-delivery-limit}: a job
 * delivered that many times without an acknowledgement (each time a worker died on it) is dead-lettered to
 * {@code <prefix>.dlq} instead of killing workers for ever. The embedded broker (Qpid Broker-J) knows neither
 * argument and does not count the deliveries of AMQP 0-9-1 consumers that die, so there the queues are plain
 * durable ones; the stages count the attempts at a page or a document themselves and quarantine it at the
 * limit (see {@link PageStage}, {@link DocumentStage}), on either broker.
 */
@Configuration
public class WorkTopology {

    @Bean
    public Declarables workQueues(WorkSettings settings) {
        return new Declarables(queue(settings.scansQueue(), settings), queue(settings.pagesQueue(), settings),
                queue(settings.documentsQueue(), settings), deadLetterQueue(settings));
    }

    static Queue queue(String name, WorkSettings settings) {
        QueueBuilder queue = QueueBuilder.durable(name);
        if (settings.quorumQueues()) {
            queue.quorum().deliveryLimit(settings.deliveryLimit()).deadLetterExchange("")
                    .deadLetterRoutingKey(settings.deadLetterQueue());
        }
        return queue.build();
    }

    static Queue deadLetterQueue(WorkSettings settings) {
        QueueBuilder queue = QueueBuilder.durable(settings.deadLetterQueue());
        if (settings.quorumQueues()) {
            queue.quorum();
        }
        return queue.build();
    }
}
