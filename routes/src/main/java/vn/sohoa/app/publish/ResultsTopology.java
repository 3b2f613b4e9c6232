package vn.sohoa.app.publish;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.sohoa.app.config.SohoaProperties;

/**
 * The durable topic exchange {@code sohoa.results}, and a durable default queue bound to every message on
 * it so that nothing published is dropped before a dossier system has bound a queue of its own.
 */
@Configuration
public class ResultsTopology {

    @Bean
    public TopicExchange resultsExchange(SohoaProperties properties) {
        return new TopicExchange(properties.results().exchange(), true, false);
    }

    @Bean
    public Queue defaultResultsQueue(SohoaProperties properties) {
        return QueueBuilder.durable(properties.results().defaultQueue()).build();
    }

    @Bean
    public Binding defaultResultsBinding(Queue defaultResultsQueue, TopicExchange resultsExchange) {
        return BindingBuilder.bind(defaultResultsQueue).to(resultsExchange).with("#");
    }
}
