package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.sohoa.app.intake.CaptureAgency;
import vn.sohoa.app.records.Delivery;
import vn.sohoa.app.records.DocumentRole;

class JobCodecTest {

    private final JobCodec codec = new JobCodec();

    @Test
    void aScanJobIsJsonNamingItsSchemaAndReadsBackTheSame() throws Exception {
        ScanJob job = new ScanJob(UUID.randomUUID(), "HS-2026-000123", "originals/ab/ab12.png", "giay-to.png",
                "ab".repeat(32), 315_182, 2, "inbox", "/srv/sohoa/failed/HS-2026-000123/20261201-giay-to.png",
                Instant.parse("2026-12-01T03:00:00Z"), CaptureAgency.within("H56"),
                new Delivery(DocumentRole.RESULT, "giay_chung_nhan", "tiepnhan450"));
        String json = codec.write(job);
        assertThat(json).contains("\"delivery\":{\"role\":\"result\",\"componentCode\":\"giay_chung_nhan\","
                + "\"deliveredBy\":\"tiepnhan450\"}");
        assertThat(json).contains("\"agency\":{\"kind\":\"WITHIN\",\"agencyCode\":\"H56\"}");
        assertThat(new ObjectMapper().readTree(json).get("schema").asText()).isEqualTo("sohoa.work.scan.v1");
        assertThat(json).contains("\"receivedAt\":\"2026-12-01T03:00:00Z\"").doesNotContain("messageId");
        assertThat(codec.read(json.getBytes(StandardCharsets.UTF_8), ScanJob.class, ScanJob.SCHEMA)).isEqualTo(job);
    }

    @Test
    void aScanJobQueuedByAnEarlierVersionWithoutADeliveryIsASubmittedComponentDeliveredByItsSource() {
        String old = """
                {"schema":"sohoa.work.scan.v1","scanId":"6f1c4b1e-8f0a-4a57-9d2e-0c5a3e7b9a10","dossierCode":"HS-2026-000123",
                "originalPath":"originals/ab/ab12.png","originalName":"giay-to.png","sha256":"%s","size":315182,"pages":2,
                "source":"mail","quarantinePath":null,"receivedAt":"2026-12-01T03:00:00Z"}""".formatted("ab".repeat(32));
        ScanJob job = codec.read(old.getBytes(StandardCharsets.UTF_8), ScanJob.class, ScanJob.SCHEMA);
        assertThat(job.delivery()).isEqualTo(new Delivery(DocumentRole.SUBMITTED, null, "system:mail"));
        assertThat(job.agency()).isEqualTo(CaptureAgency.any());
    }

    @Test
    void pageAndDocumentJobsAreIdentifiedByTheirDocumentSoThatTheSameJobHasTheSameMessageId() {
        UUID document = PlannedDocument.idOf("HS-2026-000123", "ab".repeat(32));
        assertThat(document).isEqualTo(PlannedDocument.idOf("HS-2026-000123", "ab".repeat(32)))
                .isNotEqualTo(PlannedDocument.idOf("HS-2026-000124", "ab".repeat(32)));
        PageJob page = new PageJob(document, 2, "originals/ab/ab12.tif", 5);
        assertThat(page.messageId()).isEqualTo(document + "/2");
        assertThat(codec.read(codec.write(page).getBytes(StandardCharsets.UTF_8), PageJob.class, PageJob.SCHEMA))
                .isEqualTo(page);
        assertThat(new DocumentJob(document).messageId()).isEqualTo(document.toString());
    }

    @Test
    void aMessageOfAnotherSchemaOrNoJsonIsRefused() {
        byte[] document = codec.write(new DocumentJob(UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.read(document, PageJob.class, PageJob.SCHEMA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a sohoa.work.page.v1 job");
        assertThatThrownBy(() -> codec.read("not json".getBytes(StandardCharsets.UTF_8), PageJob.class, PageJob.SCHEMA))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
