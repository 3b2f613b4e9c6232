package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.app.ServiceFixtures.count;
import static vn.sohoa.app.ServiceFixtures.drop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.Await;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.pipeline.Scan;

/**
 * A file dropped in inbox/&lt;dossier&gt;/ reaches PostgreSQL and the sohoa.results exchange: once against
 * the real PostgreSQL and RabbitMQ of the machine (embedded ones where they are not running), and once
 * with no configuration at all, on the embedded PostgreSQL and broker.
 */
@Tag("e2e")
class InboxEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void aDroppedScanIsRecordedAnnouncedAndMovedOnTheMachinesServices() throws Exception {
        MachineServices services = new MachineServices();
        System.out.printf("end-to-end on %s PostgreSQL and %s RabbitMQ%n",
                services.externalDatabase ? "the real" : "an embedded", services.externalBroker ? "the real" : "an embedded");
        try {
            dropScanAndCheck(services.properties(), services.queue);
        } finally {
            services.close();
        }
    }

    @Test
    void withNoConfigurationTheEmbeddedDatabaseAndBrokerAreUsed() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        String queue = "sohoa.results.embedded-test";
        properties.put("server.port", 0);
        properties.put("sohoa.results.default-queue", queue);
        properties.put("sohoa.inbox.poll-delay-ms", 200);
        properties.put("sohoa.inbox.min-age-ms", 300);
        properties.put("sohoa.outbox.poll-delay-ms", 200);
        // set to blank so that neither the environment nor the machine's services are used
        properties.put("spring.datasource.url", "");
        properties.put("spring.rabbitmq.host", "");
        properties.put("spring.rabbitmq.addresses", "");
        dropScanAndCheck(properties, queue);
        assertThat(home.resolve("postgres")).isDirectory();
        assertThat(home.resolve("broker")).isDirectory();
    }

    private void dropScanAndCheck(Map<String, Object> properties, String queue) throws Exception {
        try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
            Path scan = SharedCorpus.file("real-scans/vietsample2.png");
            String sha256 = Scan.sha256(scan);
            Path dossier = home.resolve("inbox/HS-2026-000123");
            drop(scan, dossier, "giay-to.png");
            Files.writeString(dossier.resolve("hong.pdf"), "%PDF-1.7 truncated", StandardCharsets.UTF_8);

            Await.until("the document is recorded", TIMEOUT, () -> count(jdbc, "select count(*) from document") == 1);
            Map<String, Object> row = jdbc.queryForMap("""
                    select d.id::text as id, s.code, d.page_count, d.original_sha256, d.original_path, d.pdf_path, d.pdf_sha256
                    from document d join dossier s on s.id = d.dossier_id""");
            assertThat(row.get("code")).isEqualTo("HS-2026-000123");
            assertThat(row.get("page_count")).isEqualTo(1);
            assertThat(row.get("original_sha256")).isEqualTo(sha256);
            assertThat(Scan.sha256(Path.of((String) row.get("original_path")))).isEqualTo(sha256);
            assertThat(Scan.sha256(Path.of((String) row.get("pdf_path")))).isEqualTo(row.get("pdf_sha256"));
            assertThat(jdbc.queryForObject("select text from page", String.class)).contains("tựu trường");

            Message message = rabbit.receive(queue, TIMEOUT.toMillis());
            assertThat(message).as("a results message on " + queue).isNotNull();
            JsonNode json = new ObjectMapper().readTree(message.getBody());
            assertThat(json.get("schema").asText()).isEqualTo("sohoa.result.v1");
            assertThat(json.get("dossierCode").asText()).isEqualTo("HS-2026-000123");
            assertThat(json.get("documentId").asText()).isEqualTo(row.get("id"));
            assertThat(json.get("pageCount").asInt()).isEqualTo(1);
            assertThat(json.get("pdf").get("sha256").asText()).isEqualTo(row.get("pdf_sha256"));
            assertThat(json.get("original").get("sha256").asText()).isEqualTo(sha256);
            assertThat(message.getMessageProperties().getMessageId()).isEqualTo(json.get("messageId").asText());
            assertThat(rabbit.receive(queue, 1000)).as("announced exactly once").isNull();

            Await.until("the broken file is quarantined", TIMEOUT,
                    () -> count(jdbc, "select count(*) from rejected_scan") == 1);
            assertThat(jdbc.queryForObject("select reason from rejected_scan", String.class)).isEqualTo("BROKEN_PDF");
            Await.until("both files leave the inbox", TIMEOUT, () -> FolderContents.count(home.resolve("inbox")) == 0);
            try (Stream<Path> done = Files.list(home.resolve("done/HS-2026-000123"))) {
                assertThat(done.map(p -> p.getFileName().toString())).singleElement().asString().endsWith("-giay-to.png");
            }
            try (Stream<Path> failed = Files.list(home.resolve("failed/HS-2026-000123"))) {
                assertThat(failed.map(p -> p.getFileName().toString()).sorted())
                        .hasSize(2).anySatisfy(n -> assertThat(n).endsWith("-hong.pdf.reason.txt"));
            }
            context.getBean(AmqpAdmin.class).deleteQueue(queue);
        }
    }
}
