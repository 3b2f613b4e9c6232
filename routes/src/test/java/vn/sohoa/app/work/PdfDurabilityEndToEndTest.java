package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.sohoa.app.ServiceFixtures.count;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.intake.CaptureAgency;
import vn.sohoa.app.records.Delivery;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.SyntheticDocuments;
import vn.sohoa.pipeline.DigitizedDocument;

/**
 * The document stage's recording step ({@link WorkStore#record}, under the document row's lock) puts the
 * PDF/A in place through {@code DurableFiles} before the document and its outbox row are written: a PDF
 * whose bytes cannot be forced to disk is not recorded, and one recorded is at its place with no temporary
 * left. The PDF is synthetic (no OCR); a power cut is not simulated: the order is what is checked.
 */
@Tag("e2e")
class PdfDurabilityEndToEndTest {

    @TempDir
    Path home;

    @Test
    void aPdfIsRecordedOnlyOnceForcedToDiskAndInPlace() throws Exception {
        try (MachineServices services = new MachineServices();
             ConfigurableApplicationContext context = ServeCommand.start(home, services.properties())) {
            WorkStore work = context.getBean(WorkStore.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            SyntheticDocuments synthetic = new SyntheticDocuments(Files.createDirectories(home.resolve("originals/sy")));
            DigitizedDocument assembled = synthetic.document("TO_KHAI", Map.of(), "TỜ KHAI");
            Path pdfDir = Files.createDirectories(home.resolve("pdf/HS-DURABLE-0001"));
            Path pdf = pdfDir.resolve("recorded.pdf");
            PlannedDocument plan = new PlannedDocument("HS-DURABLE-0001", "to-khai.png", assembled.scan().sha256(),
                    assembled.scan().size(), home.relativize(assembled.scan().file()).toString(),
                    home.relativize(assembled.scan().file()).toString(), List.of(1), "test", null, CaptureAgency.any(), Delivery.bySource("test"));
            work.plan(plan, UUID.randomUUID());
            WorkDocument document = work.document(plan.id()).orElseThrow();

            // a folder where the PDF should be: it cannot be opened to be forced, so nothing may be recorded
            Path unforceable = Files.createDirectory(pdfDir.resolve(".cannot-force.pdf.tmp"));
            assertThatThrownBy(() -> work.record(document, assembled, unforceable, pdf, assembled.scan().file()))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(count(jdbc, "select count(*) from document")).isZero();
            assertThat(count(jdbc, "select count(*) from outbox")).isZero();
            assertThat(pdf).doesNotExist();

            Path temporary = Files.copy(assembled.pdf(), pdfDir.resolve(".assembled.pdf.tmp"));
            Optional<UUID> recorded = work.record(document, assembled, temporary, pdf, assembled.scan().file());
            assertThat(recorded).isPresent();
            assertThat(temporary).doesNotExist();
            assertThat(pdf).hasSameBinaryContentAs(assembled.pdf());
            assertThat(jdbc.queryForObject("select pdf_path from document where id = ?", String.class, recorded.get()))
                    .isEqualTo(pdf.toString());
            assertThat(count(jdbc, "select count(*) from outbox")).isEqualTo(1);
        }
    }
}
