package vn.sohoa.pipeline.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrWord;

/** OCR results kept in a tab-separated file, so the benchmark can re-measure classification without re-running OCR. */
final class OcrPageFile {

    private OcrPageFile() {
    }

    static void write(List<OcrPage> pages, Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        for (OcrPage page : pages) {
            out.append("P\t").append(page.number()).append('\t').append(page.width()).append('\t')
                    .append(page.height()).append('\t').append(page.dpi()).append('\n');
            for (OcrLine line : page.lines()) {
                out.append("L\n");
                for (OcrWord w : line.words()) {
                    Box b = w.box();
                    out.append("W\t").append(b.left()).append('\t').append(b.top()).append('\t').append(b.right())
                            .append('\t').append(b.bottom()).append('\t').append(w.confidence()).append('\t')
                            .append(w.text().replace('\t', ' ').replace('\n', ' ')).append('\n');
                }
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    static List<OcrPage> read(Path file) throws IOException {
        List<OcrPage> pages = new ArrayList<>();
        String[] header = null;
        List<OcrLine> lines = new ArrayList<>();
        List<OcrWord> words = null;
        for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = row.split("\t", -1);
            switch (f[0]) {
                case "P" -> {
                    flush(words, lines);
                    words = null;
                    if (header != null) {
                        pages.add(page(header, lines));
                    }
                    header = f;
                    lines = new ArrayList<>();
                }
                case "L" -> {
                    flush(words, lines);
                    words = new ArrayList<>();
                }
                case "W" -> words.add(new OcrWord(f[6], new Box(Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4])), Float.parseFloat(f[5])));
                default -> throw new IOException("unexpected row in " + file + ": " + row);
            }
        }
        flush(words, lines);
        if (header != null) {
            pages.add(page(header, lines));
        }
        return pages;
    }

    private static void flush(List<OcrWord> words, List<OcrLine> lines) {
        if (words != null && !words.isEmpty()) {
            lines.add(new OcrLine(words, words.stream().map(OcrWord::box).reduce(Box::union).orElseThrow()));
        }
    }

    private static OcrPage page(String[] f, List<OcrLine> lines) {
        return new OcrPage(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Float.parseFloat(f[4]), lines);
    }
}
