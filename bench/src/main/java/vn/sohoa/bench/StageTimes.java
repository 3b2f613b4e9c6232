package vn.sohoa.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.sohoa.models.eval.CharacterErrorRate;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.PageReader;
import vn.sohoa.pipeline.PageReading;
import vn.sohoa.pipeline.cleanup.StageClock;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.TesseractEngine;
import vn.sohoa.pipeline.pdf.ArchivalMetadata;
import vn.sohoa.pipeline.pdf.PageImageEncoder;
import vn.sohoa.pipeline.pdf.PdfMetadata;
import vn.sohoa.pipeline.pdf.PdfPage;
import vn.sohoa.pipeline.pdf.SearchablePdfWriter;

/**
 * Per-stage wall time of SoHoa's page path on the benchmark pages, one page at a time on one thread (so
 * the stages do not compete with each other): decode, every cleanup stage, OCR and the PDF/A writing, in
 * milliseconds per page, plus the CER of the words read (as a check that a faster setting did not cost
 * accuracy). {@code bench/run --stages [--pages N] [--seed S]}. The pages are processed twice and only the
 * second pass is counted, so that class loading and model loading do not count.
 */
public final class StageTimes {

    private StageTimes() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        List<BenchPage> set = options.has("files") ? files(Path.of(options.get("files", ""))) : options.set();
        DigitizerSettings settings = DigitizerSettings.defaults();
        ScanDecoder decoder = new ScanDecoder(settings.limits());
        SearchablePdfWriter writer = new SearchablePdfWriter(new PageImageEncoder(settings.jpegQuality()));
        PdfMetadata metadata = new PdfMetadata(new ArchivalMetadata("bench", null, null, null, null, null, 1,
                null, null, null, null, null, "bench"), OffsetDateTime.now());
        List<String> stages = new ArrayList<>();
        StageClock total = new StageClock();
        double cer = 0;
        int pages = 0;
        try (TesseractEngine engine = new TesseractEngine(settings.ocr())) {
            PageReader reader = new PageReader(settings);
            for (int pass = 0; pass < 2; pass++) {
                cer = 0;
                total = new StageClock();
                StringBuilder rows = new StringBuilder();
                for (BenchPage page : set) {
                    StageClock clock = new StageClock();
                    long t = clock.start();
                    List<PageImage> decoded = decoder.decode(page.file());
                    clock.stop("decode", t);
                    for (PageImage image : decoded) {
                        PageReading reading = reader.read(engine, image, clock);
                        OcrPage ocr = reading.ocr();
                        t = clock.start();
                        writer.write(List.of(new PdfPage(image.image(), reading.dpi(),
                                reading.geometry(), ocr, image.source())), metadata,
                                new ByteArrayOutputStream());
                        clock.stop("pdf", t);
                        double pageCer = page.groundTruth() == null ? 0
                                : CharacterErrorRate.orderIndependent(page.groundTruth(), ocr.text());
                        cer += pageCer;
                        Map<String, Double> ms = clock.millis();
                        clock = new StageClock();
                        if (pass == 1) {
                            pages++;
                        }
                        ms.forEach((k, v) -> {
                            if (!stages.contains(k)) {
                                stages.add(k);
                            }
                        });
                        rows.append(row(page.name(), stages, ms).replaceFirst("\n$",
                                String.format(Locale.ROOT, " %.2f %% |%n", 100 * pageCer)));
                        for (var e : ms.entrySet()) {
                            total.stop(e.getKey(), System.nanoTime() - Math.round(e.getValue() * 1e6));
                        }
                    }
                }
                if (pass == 1) {
                    System.out.println(header(stages));
                    System.out.print(rows);
                }
            }
        }
        Map<String, Double> sum = total.millis();
        Map<String, Double> mean = new LinkedHashMap<>();
        int counted = pages;
        sum.forEach((k, v) -> mean.put(k, v / counted));
        System.out.print(row("**mean per page**", stages, mean));
        double all = sum.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder share = new StringBuilder("| share |");
        for (String s : stages) {
            share.append(String.format(Locale.ROOT, " %.0f %% |", 100 * sum.getOrDefault(s, 0.0) / all));
        }
        System.out.println(share.append(" 100 % |"));
        System.out.printf(Locale.ROOT, "%nmean page CER of the words read: %.2f %%%n", 100 * cer / counted);
    }

    /** Every file of a folder as a page set without ground truth ({@code --files DIR}: real scans, all their pages). */
    private static List<BenchPage> files(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.toString().matches("(?i).*\\.(tiff?|png|jpe?g|pdf)$")).sorted()
                    .map(f -> new BenchPage(f, null, "file", 0, 0)).toList();
        }
    }

    private static String header(List<String> stages) {
        StringBuilder md = new StringBuilder("| page (ms) |");
        stages.forEach(s -> md.append(' ').append(s).append(" |"));
        return md.append(" total | CER |\n| --- |").append(" ---: |".repeat(stages.size() + 2)).toString();
    }

    private static String row(String name, List<String> stages, Map<String, Double> ms) {
        StringBuilder md = new StringBuilder("| ").append(name).append(" |");
        double total = 0;
        for (String s : stages) {
            double v = ms.getOrDefault(s, 0.0);
            total += v;
            md.append(String.format(Locale.ROOT, " %.0f |", v));
        }
        return md.append(String.format(Locale.ROOT, " %.0f |%n", total)).toString();
    }
}
