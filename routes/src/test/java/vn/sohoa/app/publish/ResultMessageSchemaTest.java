package vn.sohoa.app.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.records.Delivery;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.records.SyntheticDocuments;
import vn.sohoa.pipeline.DigitizedDocument;

/** The message ResultMessage builds conforms to docs/results-message.schema.json, and the schema has teeth. */
class ResultMessageSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode message() throws Exception {
        DigitizedDocument document = new SyntheticDocuments(dir).document("quyet_dinh",
                Map.of("so_ky_hieu", "1437/QĐ-UBND", "ngay_ban_hanh", "2023-02-05"), "QUYẾT ĐỊNH Về việc cấp giấy");
        Map<String, Object> message = ResultMessage.of(UUID.randomUUID(), UUID.randomUUID(), "HS-2026-000123",
                new Delivery(DocumentRole.RESULT, "giay_chung_nhan", "tiepnhan450"), document, "/srv/sohoa/originals/ab/ab.png", OffsetDateTime.now());
        return JSON.valueToTree(message);
    }

    @Test
    void aBuiltMessageConforms() throws Exception {
        JsonNode message = message();
        assertThat(ResultSchema.violations(message)).isEmpty();
        assertThat(message.get("role").asText()).isEqualTo("result");
        assertThat(message.get("componentCode").asText()).isEqualTo("giay_chung_nhan");
        assertThat(message.get("deliveredBy").asText()).isEqualTo("tiepnhan450");
    }

    @Test
    void aMessageWithoutItsIdOrWithABadHashIsRefused() throws Exception {
        ObjectNode withoutId = (ObjectNode) message();
        withoutId.remove("messageId");
        assertThat(ResultSchema.violations(withoutId)).isNotEmpty();

        ObjectNode badHash = (ObjectNode) message();
        ((ObjectNode) badHash.get("pdf")).put("sha256", "not-a-hash");
        assertThat(ResultSchema.violations(badHash)).isNotEmpty();

        ObjectNode otherVersion = (ObjectNode) message();
        otherVersion.put("schema", "sohoa.result.v2");
        assertThat(ResultSchema.violations(otherVersion)).isNotEmpty();
    }
}
