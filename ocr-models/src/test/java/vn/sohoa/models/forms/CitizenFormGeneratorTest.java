package vn.sohoa.models.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.models.render.RenderedPage;
import vn.sohoa.models.render.Word;

class CitizenFormGeneratorTest {

    @Test
    void everyTemplateRendersItsFieldValuesWithExactWordBoxes() {
        for (String type : CitizenFormGenerator.TYPES) {
            FormDocument form = CitizenFormGenerator.generate(type, 3);
            RenderedPage page = new FormRenderer(100).render(form).pages().get(0);
            String truth = page.groundTruth().text();
            assertThat(form.typeCode()).isEqualTo(type);
            assertThat(form.fields()).as(type).containsKey("ho_ten");
            String printedId = form.fields().get("so_dinh_danh");
            if (printedId != null) {
                assertThat(truth).as(type).contains(printedId);
            }
            for (Word word : page.groundTruth().words()) {
                assertThat(word.box().isInside(page.image().getWidth(), page.image().getHeight())).as(word.text()).isTrue();
            }
        }
    }

    @Test
    void thePersonalIdAgreesWithTheBirthYearAndGender() {
        for (long seed = 1; seed < 30; seed++) {
            FormDocument form = CitizenFormGenerator.generate("don_de_nghi", seed);
            String id = form.fields().get("so_dinh_danh");
            int year = Integer.parseInt(form.fields().get("ngay_sinh").substring(0, 4));
            int digit = id.charAt(3) - '0';
            assertThat(1900 + 100 * (digit / 2) + Integer.parseInt(id.substring(4, 6))).isEqualTo(year);
            assertThat(digit % 2 == 0 ? "nam" : "nu").isEqualTo(form.fields().get("gioi_tinh"));
        }
    }

    @Test
    void theSameSeedGivesTheSameFormAndAnotherSeedAnotherPerson() {
        assertThat(CitizenFormGenerator.generate("to_khai", 5)).isEqualTo(CitizenFormGenerator.generate("to_khai", 5));
        List<String> names = List.of(1L, 2L, 3L).stream()
                .map(s -> CitizenFormGenerator.generate("to_khai", s).fields().get("ho_ten")).distinct().toList();
        assertThat(names).hasSizeGreaterThan(1);
    }
}
