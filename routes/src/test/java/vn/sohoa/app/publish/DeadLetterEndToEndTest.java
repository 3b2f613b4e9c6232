package vn.sohoa.app.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;

/**
 * Messages that cannot be delivered end in the dead-letter queue with the reason: one the broker keeps
 * returning as unroutable, after sohoa.publish.max-attempts; and one a consumer of the default queue
 * rejects, through RabbitMQ's dead-letter exchange, with its x-death header.
 */
@Tag("e2e")
class DeadLetterEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void anUnroutableMessageIsDeadLetteredWithTheReasonAfterTheAttempts() throws Exception {
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = services.properties();
            properties.put("sohoa.publish.max-attempts", 3);
            properties.put("sohoa.publish.retry-initial", "100ms");
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                AmqpAdmin admin = context.getBean(AmqpAdmin.class);
                String unbound = "sohoa.test.unbound-" + services.run;
                admin.declareExchange(new TopicExchange(unbound, false, true));
                UUID id = UUID.randomUUID();
                jdbc.update("insert into outbox (id, exchange, routing_key, payload) values (?, ?, ?, ?::jsonb)",
                        id, unbound, "document.digitized", "{\"schema\": \"sohoa.result.v1\"}");

                await("the message is dead", () -> jdbc.queryForObject(
                        "select dead_at is not null from outbox where id = ?", Boolean.class, id));
                Map<String, Object> row = jdbc.queryForMap("select attempts, dead_reason, published_at from outbox where id = ?", id);
                assertThat(row.get("attempts")).isEqualTo(3);
                assertThat((String) row.get("dead_reason")).startsWith("unroutable");
                assertThat(row.get("published_at")).isNull();

                Message dead = context.getBean(RabbitTemplate.class).receive(services.deadLetterQueue, TIMEOUT.toMillis());
                assertThat(dead).isNotNull();
                assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(id.toString());
                assertThat((String) dead.getMessageProperties().getHeader(OutboxPublisher.DEATH_REASON))
                        .contains("unroutable").contains(unbound);
                assertThat(dead.getMessageProperties().<Object>getHeader(OutboxPublisher.ATTEMPTS)).isEqualTo(3);
                assertThat((String) dead.getMessageProperties().getHeader(OutboxPublisher.ORIGINAL_EXCHANGE)).isEqualTo(unbound);
                assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).contains("sohoa.result.v1");
                admin.deleteExchange(unbound);
                admin.deleteQueue(services.queue);
                admin.deleteQueue(services.deadLetterQueue);
            }
        }
    }

    @Test
    void aMessageTheConsumerRejectsGoesToTheDeadLetterQueueWithXDeath() throws Exception {
        Assumptions.assumeTrue(MachineServices.listening(5672), "consumer dead-lettering needs RabbitMQ (not the embedded Qpid)");
        try (MachineServices services = new MachineServices();
             ConfigurableApplicationContext context = ServeCommand.start(home, services.properties())) {
            RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
            MessageProperties properties = new MessageProperties();
            properties.setMessageId(UUID.randomUUID().toString());
            rabbit.send(services.queue, new Message("{\"schema\":\"sohoa.result.v9\"}".getBytes(StandardCharsets.UTF_8), properties));
            List<Boolean> rejected = rabbit.execute(channel -> {
                var response = channel.basicGet(services.queue, false);
                assertThat(response).as("the message is on the default queue").isNotNull();
                channel.basicReject(response.getEnvelope().getDeliveryTag(), false);
                return List.of(true);
            });
            assertThat(rejected).containsExactly(true);
            Message dead = rabbit.receive(services.deadLetterQueue, TIMEOUT.toMillis());
            assertThat(dead).isNotNull();
            assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(properties.getMessageId());
            List<Map<String, ?>> xDeath = dead.getMessageProperties().getXDeathHeader();
            assertThat(xDeath).isNotEmpty();
            assertThat(xDeath.get(0).get("reason")).isEqualTo("rejected");
            assertThat(xDeath.get(0).get("queue")).isEqualTo(services.queue);
            AmqpAdmin admin = context.getBean(AmqpAdmin.class);
            admin.deleteQueue(services.queue);
            admin.deleteQueue(services.deadLetterQueue);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
