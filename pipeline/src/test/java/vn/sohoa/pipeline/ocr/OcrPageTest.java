package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page read on a smaller copy is given in the page's own pixels, its words' alternatives kept. */
class OcrPageTest {

    @Test
    void wordsKeepTheirSymbolChoicesWhenScaledToThePage() {
        List<SymbolChoices> symbols = List.of(new SymbolChoices(List.of(new SymbolChoices.Choice("m", 99))),
                new SymbolChoices(List.of(new SymbolChoices.Choice("â", 93), new SymbolChoices.Choice("ấ", 52))),
                new SymbolChoices(List.of(new SymbolChoices.Choice("y", 98))));
        OcrWord word = new OcrWord("mây", new Box(10, 10, 40, 20), 90, symbols);
        OcrPage read = new OcrPage(1, 100, 50, 150, List.of(new OcrLine(List.of(word), word.box())));
        OcrWord scaled = read.onPage(200, 100, 300).words().get(0);
        assertThat(scaled.box()).isEqualTo(new Box(20, 20, 80, 40));
        assertThat(scaled.symbols()).isEqualTo(symbols);
        assertThat(new OcrWord("mây", word.box(), 90).symbols()).isEmpty();
    }
}
