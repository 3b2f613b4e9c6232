package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.sohoa.app.ServiceFixtures.count;
import static vn.sohoa.app.ServiceFixtures.drop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.Await;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;

/**
 * A job that keeps killing workers does not kill them for ever. On RabbitMQ the work queues are quorum queues
 * with a delivery limit: a job delivered and never acknowledged (its channel gone, as when a worker dies) is
 * dead-lettered after the limit. On any broker (the embedded one has no such limit), a page taken more times
 * than the limit without being read rejects its document with the reason, quarantined like any rejection; the
 * same bytes received again are planned afresh and read.
 */
@Tag("e2e")
class PoisonJobEndToEndTest {

    private static final int LIMIT = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void aJobThatKeepsKillingWorkersIsDeadLetteredOnRabbitMq() throws Exception {
        assumeTrue(MachineServices.listening(5672), "needs the machine's RabbitMQ");
        WorkSettings settings = new WorkSettings("sohoa.work.test-" + UUID.randomUUID().toString().substring(0, 8),
                true, LIMIT, 0, 1, 1, "test", Duration.ofSeconds(1));
        int deliveries = killWorkersWith(settings, "127.0.0.1", 5672, settings.deadLetterQueue());
        assertThat(deliveries).as("delivered up to the limit, then dead-lettered").isBetween(LIMIT, LIMIT + 1);
    }

    @Test
    void aPageTakenMoreTimesThanTheLimitWithoutBeingReadRejectsItsDocument() throws Exception {
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = services.properties();
            properties.put("sohoa.work.delivery-limit", LIMIT);
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                SimpleMessageListenerContainer pages = context.getBean("pageConsumers",
                        SimpleMessageListenerContainer.class);
                pages.stop();
                String code = "HS-POISON-" + services.run;
                Path dossier = home.resolve("inbox/" + code);
                Path scan = new PaperBatch().page("GIẤY MỜI").writeTiff(home.resolve("giay-moi.tif"));
                drop(scan, dossier, "giay-moi.tif");
                Await.until("the page is planned", TIMEOUT, () -> count(jdbc, "select count(*) from work_page") == 1);
                // as if workers had taken it LIMIT times and died on it each time
                jdbc.update("update work_page set attempts = ?", LIMIT);
                pages.start();

                Await.until("the document is rejected", TIMEOUT, () -> count(jdbc, "select count(*) from rejected_scan") == 1);
                assertThat(jdbc.queryForObject("select reason from rejected_scan", String.class)).isEqualTo("OCR_FAILED");
                assertThat(jdbc.queryForObject("select message from rejected_scan", String.class))
                        .contains("taken " + (LIMIT + 1) + " times");
                assertThat(jdbc.queryForObject("select state from work_document", String.class)).isEqualTo("rejected");
                assertThat(count(jdbc, "select count(*) from work_page where ocr_runs > 0")).as("not read").isZero();
                assertThat(count(jdbc, "select count(*) from document")).isZero();
                assertThat(FolderContents.paths(home.resolve("failed/" + code)))
                        .anySatisfy(f -> assertThat(f).endsWith("-giay-moi.tif"))
                        .anySatisfy(f -> assertThat(f).endsWith("-giay-moi.tif.reason.txt"));

                // the same bytes sent again: planned afresh, read and recorded
                drop(scan, dossier, "lai.tif");
                Await.until("the document is recorded", TIMEOUT, () -> count(jdbc, "select count(*) from document") == 1);
                assertThat(jdbc.queryForObject("select state from work_document", String.class)).isEqualTo("recorded");
                assertThat(count(jdbc, "select count(*) from work_page where attempts = 1 and ocr_runs = 1")).isEqualTo(1);
                assertThat(count(jdbc, "select count(*) from rejected_scan")).as("rejected once").isEqualTo(1);
            }
        }
    }

    @Test
    void aScanTakenMoreTimesThanTheLimitWithoutBeingPlannedIsQuarantined() throws Exception {
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = services.properties();
            properties.put("sohoa.work.delivery-limit", LIMIT);
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
                String queue = context.getBean(WorkSettings.class).scansQueue();
                SimpleMessageListenerContainer scans = context.getBean("scanConsumers", SimpleMessageListenerContainer.class);
                scans.stop();
                String code = "HS-POISON-SCAN-" + services.run;
                Path scan = new PaperBatch().page("GIẤY MỜI").writeTiff(home.resolve("giay-moi.tif"));
                drop(scan, home.resolve("inbox/" + code), "giay-moi.tif");
                Message job = null;
                for (int poll = 0; poll < 1200 && job == null; poll++) {
                    job = rabbit.receive(queue, 100);
                }
                assertThat(job).as("the scan job queued").isNotNull();
                String scanId = new ObjectMapper().readTree(job.getBody()).get("scanId").asText();
                // as if workers had taken it LIMIT times and died planning it each time, which Qpid does not count
                jdbc.update("insert into work_scan (scan_id, attempts) values (?, ?)", UUID.fromString(scanId), LIMIT);
                rabbit.send(queue, job);
                scans.start();

                Await.until("the scan is rejected", TIMEOUT, () -> count(jdbc, "select count(*) from rejected_scan") == 1);
                assertThat(jdbc.queryForObject("select reason from rejected_scan", String.class)).isEqualTo("UNREADABLE_IMAGE");
                assertThat(jdbc.queryForObject("select message from rejected_scan", String.class))
                        .contains("taken " + (LIMIT + 1) + " times");
                assertThat(count(jdbc, "select count(*) from work_document")).as("never planned").isZero();
                assertThat(count(jdbc, "select count(*) from work_scan")).isZero();
                assertThat(FolderContents.paths(home.resolve("failed/" + code)))
                        .anySatisfy(f -> assertThat(f).endsWith("-giay-moi.tif"))
                        .anySatisfy(f -> assertThat(f).endsWith("-giay-moi.tif.reason.txt"));

                // the same bytes received again are another receipt: planned, read and recorded
                drop(scan, home.resolve("inbox/" + code), "lai.tif");
                Await.until("the document is recorded", TIMEOUT, () -> count(jdbc, "select count(*) from document") == 1);
                assertThat(count(jdbc, "select count(*) from work_scan")).as("a finished planning leaves no count").isZero();
            }
        }
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
