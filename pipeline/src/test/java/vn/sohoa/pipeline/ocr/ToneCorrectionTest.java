package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.models.language.SyllableModel;

class ToneCorrectionTest {

    private static final SyllableModel MODEL = SyllableModel.load();
    private final ToneCorrection correction = new ToneCorrection(MODEL, 1, 1);

    @Test
    void aMarkThePixelsSupportAndTheContextWantsIsTaken() {
        // "quyêt" is no syllable (a stop final without sắc or nặng); Tesseract's second choice for ê was ế
        OcrWord read = word("quyêt", 3, List.of(choice("ê", 90), choice("ế", 40)));

        assertThat(correction.correct(read, "ban", "định")).isEqualTo("quyết");
    }

    @Test
    void aMarkThePixelsDoNotSupportIsNeverWritten() {
        OcrWord tooWeak = word("quyêt", 3, List.of(choice("ê", 95), choice("ế", 5)));
        OcrWord otherLetter = word("quyêt", 3, List.of(choice("ê", 90), choice("a", 60)));

        assertThat(correction.correct(tooWeak, "ban", "định")).isEqualTo("quyêt");
        assertThat(correction.correct(otherLetter, "ban", "định")).isEqualTo("quyêt");
    }

    @Test
    void namesAndNumbersAreLeftAsRead() {
        OcrWord name = word("Quyêt", 3, List.of(choice("ê", 90), choice("ế", 40)));
        OcrWord number = word("12ê", 2, List.of(choice("ê", 90), choice("ế", 40)));

        assertThat(correction.correct(name, "ban", "định")).isEqualTo("Quyêt");
        assertThat(correction.correct(number, "ban", "định")).isEqualTo("12ê");
    }

    @Test
    void punctuationAroundAWordIsKept() {
        OcrWord read = word("(quyêt,", 4, List.of(choice("ê", 90), choice("ế", 40)));

        assertThat(correction.correct(read, "ban", "định")).isEqualTo("(quyết,");
    }

    @Test
    void thePageKeepsItsLinesAndDropsTheAlternatives() {
        OcrPage page = new OcrPage(1, 100, 100, 300, List.of(new OcrLine(List.of(word("ban", 0, List.of()),
                word("quyêt", 3, List.of(choice("ê", 90), choice("ế", 40))), word("định", 0, List.of())), new Box(0, 0, 90, 10))));

        OcrPage corrected = correction.correct(page);

        assertThat(corrected.text()).isEqualTo("ban quyết định");
        assertThat(corrected.words()).allSatisfy(w -> assertThat(w.symbols()).isEmpty());
    }

    /** A word whose letters each have only themselves as choice, but letter {@code at}, which has {@code choices}. */
    private static OcrWord word(String text, int at, List<SymbolChoices.Choice> choices) {
        List<SymbolChoices> symbols = new ArrayList<>();
        int[] letters = text.codePoints().toArray();
        for (int i = 0; i < letters.length; i++) {
            symbols.add(new SymbolChoices(i == at && !choices.isEmpty() ? choices
                    : List.of(choice(new String(letters, i, 1), 95))));
        }
        return new OcrWord(text, new Box(0, 0, 10, 10), 90, symbols);
    }

    private static SymbolChoices.Choice choice(String text, float confidence) {
        return new SymbolChoices.Choice(text, confidence);
    }
}
