package vn.sohoa.pipeline.extract;

import java.util.ArrayList;
import java.util.List;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrWord;

/** OCR pages built in code: words 20 px per character, 40 px high, at a given confidence. */
final class OcrPages {

    static final int WIDTH = 2480;
    static final int HEIGHT = 3508;

    private OcrPages() {
    }

    /** A line of {@code text} starting at ({@code x}, {@code y}), every word at {@code confidence}. */
    static OcrLine line(int x, int y, String text, float confidence) {
        List<OcrWord> words = new ArrayList<>();
        int at = x;
        for (String word : text.split(" ")) {
            int width = 20 * word.length();
            words.add(new OcrWord(word, new Box(at, y, at + width, y + 40), confidence));
            at += width + 12;
        }
        return new OcrLine(words, words.stream().map(OcrWord::box).reduce(Box::union).orElseThrow());
    }

    static OcrLine line(int x, int y, String text) {
        return line(x, y, text, 95f);
    }

    /** Two columns read as one line, as Tesseract often does for the header. */
    static OcrLine row(int y, String left, String right) {
        OcrLine l = line(400, y, left);
        OcrLine r = line(1150, y, right);
        List<OcrWord> words = new ArrayList<>(l.words());
        words.addAll(r.words());
        return new OcrLine(words, l.box().union(r.box()));
    }

    static OcrPage page(int number, OcrLine... lines) {
        return new OcrPage(number, WIDTH, HEIGHT, 300, List.of(lines));
    }
}
