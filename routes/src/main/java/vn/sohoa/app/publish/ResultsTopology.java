package vn.sohoa.app.publish;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.sohoa.app.config.SohoaProperties;

/**
 * The durable topic exchange {@code sohoa.results}; a durable default queue bound to every message on it
 * so that nothing published is dropped before a dossier system has bound a queue of its own; and the
 * dead-letter queue {@code sohoa.results.dlq}, where the publisher puts messages the broker kept refusing
 * and where the broker puts messages a consumer of the default queue rejects (through the default
 * exchange, with the broker's x-death header).
 */
@Configuration
public class ResultsTopology {

    /**
     * Declares the topology on every connection. A queue that already exists with other arguments (a
     * default queue from a version without dead-lettering) is logged and left as it is, rather than
     * stopping all publishing.
     */
    @Bean
    public RabbitAdmin amqpAdmin(ConnectionFactory connectionFactory) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        admin.setIgnoreDeclarationExceptions(true);
        return admin;
    }

    @Bean
    public TopicExchange resultsExchange(SohoaProperties properties) {
        return new TopicExchange(properties.results().exchange(), true, false);
    }

    @Bean
    public Queue deadLetterQueue(PublishSettings settings) {
        return QueueBuilder.durable(settings.deadLetterQueue()).build();
    }

    @Bean
    public Queue defaultResultsQueue(SohoaProperties properties, PublishSettings settings) {
        QueueBuilder queue = QueueBuilder.durable(properties.results().defaultQueue());
        if (settings.consumerDeadLettering()) {
            queue.deadLetterExchange("").deadLetterRoutingKey(settings.deadLetterQueue());
        }
        return queue.build();
    }

    @Bean
    public Binding defaultResultsBinding(Queue defaultResultsQueue, TopicExchange resultsExchange) {
        return BindingBuilder.bind(defaultResultsQueue).to(resultsExchange).with("#");
    }
}
