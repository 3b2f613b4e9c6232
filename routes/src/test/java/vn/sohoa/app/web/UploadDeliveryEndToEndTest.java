package vn.sohoa.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.publish.ResultMessage;
import vn.sohoa.app.publish.ResultSchema;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.Registry;

/**
 * An upload's role, component and uploader travel with the scan through the work queues, on the machine's
 * PostgreSQL and RabbitMQ: both uploads are answered 202 before their documents are done, and the record (over
 * the API) and the results message still say what the upload said and who uploaded it.
 */
@Tag("e2e")
class UploadDeliveryEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOSSIER = "H450-2026-0701";

    @TempDir
    Path home;

    @Test
    void roleComponentAndUploaderReachTheRecordAndTheResultsMessageAfterA202() throws Exception {
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = new HashMap<>(services.properties());
            // answered "queued" at once: the document is done long after the answer
            properties.put("sohoa.work.upload-wait", "1ms");
            String exchange = "sohoa.results.test-" + services.run;
            properties.put("sohoa.results.exchange", exchange);
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                AmqpAdmin admin = context.getBean(AmqpAdmin.class);
                TopicExchange results = new TopicExchange(exchange, true, false);
                admin.declareExchange(results);
                Queue announced = new Queue("sohoa.test.delivery-" + services.run, false, false, false);
                admin.declareQueue(announced);
                admin.declareBinding(BindingBuilder.bind(announced).to(results).with(ResultMessage.ROUTING_KEY));
                try {
                    RestClient http = RestClient.builder()
                            .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                            .defaultHeaders(h -> h.setBasicAuth(MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD))
                            .build();
                    Registry registry = context.getBean(Registry.class);
                    registry.agency(new Registry.Agency("T44", "Tỉnh Quảng Bình", Registry.Level.province, null));
                    registry.agency(new Registry.Agency("H450", "UBND huyện Tuyên Hóa", Registry.Level.district, "T44"));
                    registry.procedure(new Registry.Procedure("1.004227", "Đăng ký đất đai lần đầu", Registry.Level.district,
                            List.of(new Registry.Component("don_dang_ky", "Đơn đăng ký", true))));
                    http.put().uri("/api/dossiers/{code}", DOSSIER).contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("agencyCode", "H450", "procedureCode", "1.004227")).retrieve().toBodilessEntity();

                    ResponseEntity<String> submitted = upload(http, SharedCorpus.file("real-scans/vietsample1.tif"),
                            "submitted", "don_dang_ky");
                    ResponseEntity<String> result = upload(http, SharedCorpus.file("real-scans/vietsample2.tif"),
                            "result", null);
                    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
                    assertThat(result.getStatusCode().value()).as(result.getBody()).isEqualTo(202);
                    assertThat(JSON.readTree(submitted.getBody()).get(0).get("queued").asBoolean()).isTrue();

                    JsonNode[] documents = new JsonNode[1];
                    RecordsApiEndToEndTest.await("both uploads recorded", () -> {
                        documents[0] = readTree(http.get().uri("/api/dossiers/{code}", DOSSIER).retrieve()
                                .body(String.class)).get("documents");
                        return documents[0].size() == 2;
                    });
                    Map<String, JsonNode> byRole = new HashMap<>();
                    documents[0].forEach(d -> byRole.put(d.get("role").asText(), d));
                    assertThat(byRole).containsOnlyKeys("submitted", "result");
                    assertThat(byRole.get("submitted").get("componentCode").asText()).isEqualTo("don_dang_ky");
                    assertThat(byRole.get("result").get("componentCode").isNull()).isTrue();
                    assertThat(byRole.values()).allSatisfy(d ->
                            assertThat(d.get("deliveredBy").asText()).isEqualTo(MachineServices.ADMIN_USER));

                    RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
                    Map<String, JsonNode> messages = new HashMap<>();
                    RecordsApiEndToEndTest.await("two results messages", () -> {
                        Message m = rabbit.receive(announced.getName(), 1000);
                        if (m != null) {
                            JsonNode body = readTree(m.getBody());
                            messages.put(body.get("documentId").asText(), body);
                        }
                        return messages.size() == 2;
                    });
                    messages.values().forEach(m -> assertThat(ResultSchema.violations(m)).as(m.toString()).isEmpty());
                    for (JsonNode document : byRole.values()) {
                        JsonNode message = messages.get(document.get("id").asText());
                        assertThat(message).as("the message of " + document).isNotNull();
                        assertThat(message.get("dossierCode").asText()).isEqualTo(DOSSIER);
                        assertThat(message.get("role").asText()).isEqualTo(document.get("role").asText());
                        assertThat(message.get("componentCode")).isEqualTo(document.get("componentCode"));
                        assertThat(message.get("deliveredBy").asText()).isEqualTo(MachineServices.ADMIN_USER);
                    }
                } finally {
                    admin.deleteQueue(announced.getName());
                    admin.deleteExchange(exchange);
                }
            }
        }
    }

    private static ResponseEntity<String> upload(RestClient http, Path file, String role, String component) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new FileSystemResource(file));
        form.add("role", role);
        if (component != null) {
            form.add("component", component);
        }
        return http.post().uri("/api/dossiers/{code}/files", DOSSIER).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().toEntity(String.class);
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
