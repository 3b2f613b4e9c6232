package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import vn.sohoa.app.config.EmbeddedBroker;
import vn.sohoa.app.publish.ConfirmedSender;
import vn.sohoa.app.records.MachineServices;

/**
 * A job whose stage fails with an {@link Error} each time is rejected with the error as its reason after
 * {@code delivery-limit} deliveries, on the machine's RabbitMQ (quorum queues) and on the embedded broker, and is
 * not delivered again. The stage is the test's own: it throws an {@link OutOfMemoryError} on every delivery, as
 * a page too large for the heap would.
 */
@Tag("e2e")
class StageErrorEndToEndTest {

    private static final int LIMIT = 3;

    @TempDir
    Path dir;

    /** What the stage was asked to reject. */
    private record Rejected(PageJob job, String reason, String message) {
    }

    @Test
    void aJobFailingWithAnErrorIsRejectedAfterTheLimitOnRabbitMq() throws Exception {
        assumeTrue(MachineServices.listening(5672), "needs the machine's RabbitMQ");
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        connections.setUsername("guest");
        connections.setPassword("guest");
        failWithAnError(connections, true);
    }

    @Test
    void aJobFailingWithAnErrorIsRejectedAfterTheLimitOnTheEmbeddedBroker() throws Exception {
        int port = freePort();
        String password = UUID.randomUUID().toString();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), port, "sohoa", password)) {
            CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", port);
            connections.setUsername("sohoa");
            connections.setPassword(password);
            failWithAnError(connections, false);
        }
    }

    private void failWithAnError(CachingConnectionFactory connections, boolean quorum) throws Exception {
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connections.setPublisherReturns(true);
        WorkSettings settings = new WorkSettings("sohoa.work.test-" + UUID.randomUUID().toString().substring(0, 8),
                quorum, LIMIT, 0, 1, 1, "test", Duration.ofSeconds(1));
        RabbitAdmin admin = new RabbitAdmin(connections);
        Declarables topology = new WorkTopology().workQueues(settings);
        topology.getDeclarables().forEach(d -> admin.declareQueue((org.springframework.amqp.core.Queue) d));
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        rabbit.setMandatory(true);
        JobCodec codec = new JobCodec();
        JobSender sender = new JobSender(new ConfirmedSender(rabbit), codec);
        AtomicInteger deliveries = new AtomicInteger();
        CompletableFuture<Rejected> rejected = new CompletableFuture<>();
        JobListener<PageJob> listener = new JobListener<>(settings.pagesQueue(), PageJob.class, PageJob.SCHEMA, codec,
                new HomePaths(dir), job -> {
                    deliveries.incrementAndGet();
                    throw new OutOfMemoryError("Java heap space (thrown by the test's stage)");
                }, (job, reason, message) -> rejected.complete(new Rejected(job, reason, message)), sender, LIMIT);
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(settings.pagesQueue());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(1);
        container.setMessageListener(listener);
        PageJob job = new PageJob(UUID.randomUUID(), 1, "originals/scan.tif", 1);
        try {
            container.start();
            sender.send(job, settings.pagesQueue());

            Rejected rejection = rejected.get(2, TimeUnit.MINUTES);
            assertThat(rejection.job()).isEqualTo(job);
            assertThat(rejection.reason()).isEqualTo(JobListener.OUT_OF_MEMORY);
            assertThat(rejection.message()).contains("failed on this job " + LIMIT + " times")
                    .contains("java.lang.OutOfMemoryError: Java heap space");
            container.stop();
            assertThat(deliveries.get()).as("delivered up to the limit, then rejected").isEqualTo(LIMIT);
            for (String queue : List.of(settings.pagesQueue(), settings.deadLetterQueue())) {
                assertThat(admin.getQueueInfo(queue).getMessageCount()).as("nothing left on " + queue).isZero();
            }
        } finally {
            container.stop();
            for (String queue : List.of(settings.scansQueue(), settings.pagesQueue(), settings.documentsQueue(),
                    settings.deadLetterQueue())) {
                admin.deleteQueue(queue);
            }
            connections.destroy();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
