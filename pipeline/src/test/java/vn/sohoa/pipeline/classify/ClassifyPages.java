package vn.sohoa.pipeline.classify;

import java.util.ArrayList;
import java.util.List;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrWord;

/** OCR pages built in code for the classifier's tests: one line per string, 60 px apart from the top. */
final class ClassifyPages {

    private ClassifyPages() {
    }

    static OcrPage page(int number, float confidence, String... lines) {
        return pageFrom(number, 200, confidence, lines);
    }

    static OcrPage pageFrom(int number, int top, float confidence, String... lines) {
        List<OcrLine> ocrLines = new ArrayList<>();
        int y = top;
        for (String text : lines) {
            List<OcrWord> words = new ArrayList<>();
            int x = 400;
            for (String word : text.split(" ")) {
                words.add(new OcrWord(word, new Box(x, y, x + 20 * word.length(), y + 40), confidence));
                x += 20 * word.length() + 12;
            }
            ocrLines.add(new OcrLine(words, words.stream().map(OcrWord::box).reduce(Box::union).orElseThrow()));
            y += 60;
        }
        return new OcrPage(number, 2480, 3508, 300, ocrLines);
    }
}
