package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.support.GenericApplicationContext;
import vn.sohoa.app.records.MachineServices;

/**
 * On RabbitMQ the work queues are quorum queues with a delivery limit: a job that keeps killing workers
 * (delivered, never acknowledged, its channel gone) is dead-lettered after the limit instead of being
 * delivered for ever.
 */
@Tag("e2e")
class WorkTopologyTest {

    private static final int LIMIT = 3;

    @Test
    void aJobThatKeepsKillingWorkersIsDeadLetteredOnRabbitMq() throws Exception {
        assumeTrue(MachineServices.listening(5672), "needs the machine's RabbitMQ");
        WorkSettings settings = settings(true);
        int deliveries = killWorkersWith(settings, "127.0.0.1", 5672, settings.deadLetterQueue());
        assertThat(deliveries).as("delivered up to the limit, then dead-lettered").isBetween(LIMIT, LIMIT + 1);
    }

    private static WorkSettings settings(boolean quorum) {
        return new WorkSettings("sohoa.work.test-" + UUID.randomUUID().toString().substring(0, 8), quorum, LIMIT, 0, 1,
                1, "test", Duration.ofSeconds(1));
    }

    /** Declares the topology, queues one page job and takes it without acknowledging until it is gone. */
    private static int killWorkersWith(WorkSettings settings, String host, int port, String deadLetterQueue)
            throws Exception {
        CachingConnectionFactory connections = new CachingConnectionFactory(host, port);
        connections.setUsername("guest");
        connections.setPassword("guest");
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean("workQueues", org.springframework.amqp.core.Declarables.class,
                    () -> new WorkTopology().workQueues(settings));
            context.registerBean(RabbitAdmin.class, () -> new RabbitAdmin(connections));
            context.refresh();
            context.getBean(RabbitAdmin.class).initialize();
            com.rabbitmq.client.ConnectionFactory factory = connections.getRabbitConnectionFactory();
            int deliveries = 0;
            try (Connection connection = factory.newConnection()) {
                try (Channel channel = connection.createChannel()) {
                    channel.basicPublish("", settings.pagesQueue(), MessageProperties.PERSISTENT_TEXT_PLAIN,
                            "{\"schema\":\"sohoa.work.page.v1\"}".getBytes(StandardCharsets.UTF_8));
                }
                for (int attempt = 0; attempt < 3 * LIMIT; attempt++) {
                    GetResponse delivery = null;
                    for (int poll = 0; poll < 20 && delivery == null; poll++) {
                        Channel worker = connection.createChannel();
                        delivery = worker.basicGet(settings.pagesQueue(), false);
                        if (delivery != null) {
                            deliveries++;
                        }
                        worker.close(); // the worker dies with the job unacknowledged
                        if (delivery == null) {
                            Thread.sleep(100);
                        }
                    }
                    if (delivery == null) {
                        break;
                    }
                }
                try (Channel channel = connection.createChannel()) {
                    GetResponse dead = null;
                    for (int poll = 0; poll < 50 && dead == null; poll++) {
                        dead = channel.basicGet(deadLetterQueue, true);
                        if (dead == null) {
                            Thread.sleep(100);
                        }
                    }
                    assertThat(dead).as("the job is in " + deadLetterQueue).isNotNull();
                    assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).contains("sohoa.work.page.v1");
                    for (String queue : new String[] {settings.scansQueue(), settings.pagesQueue(),
                            settings.documentsQueue(), settings.deadLetterQueue()}) {
                        channel.queueDelete(queue);
                    }
                }
            }
            return deliveries;
        } finally {
            connections.destroy();
        }
    }
}
