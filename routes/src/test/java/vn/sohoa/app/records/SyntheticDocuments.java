package vn.sohoa.app.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Document;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.classify.DocumentType;
import vn.sohoa.pipeline.extract.Field;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrWord;

/**
 * Digitized documents made up for tests of records, search and publishing, without OCR: an original and a
 * "PDF" written under {@code dir}, pages with the given text, and fields.
 */
public final class SyntheticDocuments {

    private final Path dir;
    private int counter;

    public SyntheticDocuments(Path dir) {
        this.dir = dir;
    }

    public DigitizedDocument document(String type, Map<String, String> fields, String... pageTexts) throws IOException {
        int n = ++counter;
        Path original = Files.writeString(dir.resolve("scan-" + n + "-" + System.nanoTime() + ".png"),
                "original " + n + " " + String.join("|", pageTexts), StandardCharsets.UTF_8);
        Path pdf = Files.writeString(dir.resolve("scan-" + n + "-" + System.nanoTime() + ".pdf"),
                "%PDF-1.7 synthetic " + n, StandardCharsets.UTF_8);
        List<OcrPage> pages = new ArrayList<>();
        List<DigitizedDocument.PageNote> notes = new ArrayList<>();
        for (int i = 0; i < pageTexts.length; i++) {
            List<OcrWord> words = Arrays.stream(pageTexts[i].split(" "))
                    .map(w -> new OcrWord(w, new Box(0, 0, 10, 10), 90f)).toList();
            pages.add(new OcrPage(i + 1, 2480, 3508, 300f, List.of(new OcrLine(words, new Box(0, 0, 100, 10)))));
            notes.add(new DigitizedDocument.PageNote(i + 1, 0, 0.0, false, 300f));
        }
        Map<String, Field> fieldMap = new LinkedHashMap<>();
        fields.forEach((name, value) -> fieldMap.put(name, new Field(name, value, 0.9, 1)));
        Document document = new Document(new DocumentType(type, 0.9), fieldMap, pages, false);
        return new DigitizedDocument(Scan.of(original), document, notes, pdf, Scan.sha256(pdf), Files.size(pdf));
    }
}
