package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.models.forms.CitizenFormGenerator;
import vn.sohoa.models.forms.FormDocument;
import vn.sohoa.models.forms.FormRenderer;
import vn.sohoa.models.render.ScanFileWriter;
import vn.sohoa.models.render.ScanFormat;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.Document;
import vn.sohoa.pipeline.Scan;

/** A rendered application through the whole pipeline with real Tesseract: its type and its fields, with boxes. */
class RenderedFormTest {

    @TempDir
    Path dir;

    @Test
    void aRenderedApplicationIsClassifiedAndItsFieldsAreReadWhereTheyArePrinted() throws Exception {
        FormDocument form = CitizenFormGenerator.generate("don_de_nghi", 424242);
        Path scan = dir.resolve("don.png");
        ScanFileWriter.write(List.of(new FormRenderer(300).render(form).pages().get(0).image()), 300, ScanFormat.PNG, scan);

        Document document;
        try (Digitizer digitizer = new Digitizer(DigitizerSettings.defaults().withOcrThreads(1))) {
            document = digitizer.digitize(Scan.of(scan, "HS-TEST"), dir.resolve("don.pdf")).document();
        }

        assertThat(document.type().code()).isEqualTo("don_de_nghi");
        assertThat(document.type().confidence()).isGreaterThan(0.8);
        for (String name : List.of("ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "so_dien_thoai")) {
            assertThat(document.fields().get(name)).as(name).isNotNull();
            assertThat(document.fields().get(name).value()).as(name).isEqualTo(form.fields().get(name));
        }
        Field id = document.fields().get("so_dinh_danh");
        assertThat(id.confidence()).as("an ID that agrees with the birth date").isGreaterThan(0.8);
        assertThat(id.region()).isPresent();
        assertThat(id.region().get().top()).as("read from the ID's line, below the title").isGreaterThan(300);
    }
}
