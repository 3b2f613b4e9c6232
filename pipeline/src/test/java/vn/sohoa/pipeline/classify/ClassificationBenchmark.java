package vn.sohoa.pipeline.classify;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.sohoa.models.labelled.LabelledDocument;
import vn.sohoa.models.labelled.LabelledDocuments;
import vn.sohoa.models.render.Degradation;
import vn.sohoa.models.render.DegradationChain;
import vn.sohoa.models.render.RenderedPage;
import vn.sohoa.models.render.ScanFileWriter;
import vn.sohoa.models.render.ScanFormat;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.extract.DocumentFieldExtractor;
import vn.sohoa.pipeline.extract.Field;
import vn.sohoa.pipeline.extract.ReviewPolicy;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * Issue 5's benchmark: renders the labelled evaluation documents (never seen in training), every other one
 * degraded like a scan (skew, noise, JPEG), digitizes them with the real pipeline (Tesseract, two documents at a
 * time, one OCR thread each), and prints type accuracy, per-field precision and recall, and how often a field
 * given with high confidence (at or above its review threshold) is wrong. OCR results are kept in
 * {@code <work>/ocr} so that a second run with the same work directory re-measures classification and
 * extraction in seconds.
 *
 * <p>Run with {@code bench/classify/run.sh [work-dir] [corpus] [round]}: round 1 (the default) is a set nobody
 * tuned on; round 0 is the set the extractors' rules and confidences were tuned on.
 */
public final class ClassificationBenchmark {

    private static final int SYNTHETIC = 30;
    private static final int FORMS_PER_TYPE = 4;
    private static final int CORPUS = 12;

    private record Outcome(LabelledDocument truth, String type, double typeConfidence, Map<String, Field> fields,
                           boolean needsReview) {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "bench/classify/target");
        Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/corpus/legal-text");
        int round = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<LabelledDocument> documents = LabelledDocuments.evaluation(round, SYNTHETIC, FORMS_PER_TYPE, CORPUS, corpus);
        System.out.println("evaluation round " + round + (round == 0 ? " (the round the extractors were tuned on)" : ""));
        long started = System.nanoTime();
        List<List<OcrPage>> ocr = ocr(documents, work);
        double ocrSeconds = (System.nanoTime() - started) / 1e9;

        DigitizerSettings settings = DigitizerSettings.defaults();
        ReviewPolicy policy = ReviewPolicy.defaults(settings.reviewThreshold());
        DocumentClassifier classifier = new DocumentClassifier();
        DocumentFieldExtractor extractor = new DocumentFieldExtractor();
        long classifyStarted = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            var type = classifier.classify(ocr.get(i));
            Map<String, Field> fields = extractor.extract(type.code(), ocr.get(i));
            outcomes.add(new Outcome(documents.get(i), type.code(), type.confidence(), fields,
                    policy.needsReview(type, fields)));
        }
        double classifySeconds = (System.nanoTime() - classifyStarted) / 1e9;
        report(outcomes, ocr.stream().mapToInt(List::size).sum(), policy, ocrSeconds, classifySeconds);
    }

    private static List<List<OcrPage>> ocr(List<LabelledDocument> documents, Path work) throws Exception {
        Path cache = work.resolve("ocr");
        Files.createDirectories(cache);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ThreadLocal<Digitizer> digitizers = ThreadLocal.withInitial(
                () -> new Digitizer(DigitizerSettings.defaults().withOcrThreads(1)));
        List<Digitizer> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<List<OcrPage>>> futures = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            LabelledDocument document = documents.get(i);
            boolean degraded = i % 2 == 1;
            futures.add(pool.submit(() -> {
                Path cached = cache.resolve(document.id() + ".tsv");
                if (Files.exists(cached)) {
                    return OcrPageFile.read(cached);
                }
                List<BufferedImage> images = new ArrayList<>();
                for (RenderedPage page : document.pages().get()) {
                    images.add(degraded ? scanLike(document.id().hashCode()).apply(page.image()) : page.image());
                }
                Path scan = work.resolve("scans").resolve(document.id() + ".tif");
                Files.createDirectories(scan.getParent());
                ScanFileWriter.write(images, 300, ScanFormat.TIFF, scan);
                Digitizer digitizer = digitizers.get();
                if (!opened.contains(digitizer)) {
                    opened.add(digitizer);
                }
                List<OcrPage> pages = digitizer.digitize(Scan.of(scan, "BENCH"), work.resolve("pdf").resolve(document.id() + ".pdf"))
                        .document().pages();
                OcrPageFile.write(pages, cached);
                System.err.printf("OCR %s (%d pages)%n", document.id(), pages.size());
                return pages;
            }));
        }
        Files.createDirectories(work.resolve("pdf"));
        List<List<OcrPage>> results = new ArrayList<>();
        try {
            for (Future<List<OcrPage>> future : futures) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
            opened.forEach(Digitizer::close);
        }
        return results;
    }

    private static Degradation scanLike(long seed) {
        return new DegradationChain(List.of(Degradation.skew(0.7), Degradation.gaussianNoise(8, seed),
                Degradation.jpeg(0.7f)));
    }

    private static void report(List<Outcome> outcomes, int pages, ReviewPolicy policy, double ocrSeconds,
                               double classifySeconds) {
        int correctTypes = 0;
        int unknown = 0;
        Map<String, int[]> byType = new TreeMap<>();
        Map<String, int[]> byField = new TreeMap<>(); // tp, predicted, expected, high, highWrong
        int review = 0;
        List<String> errors = new ArrayList<>();
        for (Outcome o : outcomes) {
            String expected = o.truth().typeCode();
            int[] t = byType.computeIfAbsent(expected, k -> new int[2]);
            t[1]++;
            if (o.type().equals(expected)) {
                correctTypes++;
                t[0]++;
            } else {
                errors.add(String.format(Locale.ROOT, "type  %-28s %s -> %s (%.2f)", o.truth().id(), expected, o.type(), o.typeConfidence()));
            }
            if (o.typeConfidence() == 0) {
                unknown++;
            }
            if (o.needsReview()) {
                review++;
            }
            for (Map.Entry<String, String> e : o.truth().fields().entrySet()) {
                int[] f = byField.computeIfAbsent(e.getKey(), k -> new int[5]);
                f[2]++;
                Field got = o.fields().get(e.getKey());
                if (got == null) {
                    errors.add(String.format(Locale.ROOT, "miss  %-28s %s = %s", o.truth().id(), e.getKey(), e.getValue()));
                    continue;
                }
                f[1]++;
                boolean right = normalize(got.value()).equals(normalize(e.getValue()));
                boolean high = policy.isSure(got);
                if (right) {
                    f[0]++;
                } else {
                    errors.add(String.format(Locale.ROOT, "wrong %-28s %s = %s, read %s (%.2f)%s", o.truth().id(), e.getKey(),
                            e.getValue(), got.value(), got.confidence(), high ? " HIGH" : ""));
                }
                if (high) {
                    f[3]++;
                    if (!right) {
                        f[4]++;
                    }
                }
            }
        }
        errors.forEach(System.out::println);
        System.out.println();
        System.out.printf(Locale.ROOT, "documents %d, pages %d (OCR or reading the kept OCR %.0f s; classification and extraction %.2f s)%n",
                outcomes.size(), pages, ocrSeconds, classifySeconds);
        System.out.printf(Locale.ROOT, "type accuracy %.3f (%d/%d), unsure answers (khac at 0) %d, documents flagged for review %d%n",
                (double) correctTypes / outcomes.size(), correctTypes, outcomes.size(), unknown, review);
        byType.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-16s %d/%d%n", k, v[0], v[1]));
        System.out.printf("%n%-18s %9s %9s %9s %11s %s%n", "field", "precision", "recall", "expected", "high-conf", "wrong at high conf");
        int tp = 0;
        int predicted = 0;
        int expected = 0;
        int high = 0;
        int highWrong = 0;
        for (Map.Entry<String, int[]> e : byField.entrySet()) {
            int[] f = e.getValue();
            System.out.printf(Locale.ROOT, "%-18s %9.3f %9.3f %9d %11d %d%n", e.getKey(), f[1] == 0 ? 0 : (double) f[0] / f[1],
                    (double) f[0] / f[2], f[2], f[3], f[4]);
            tp += f[0];
            predicted += f[1];
            expected += f[2];
            high += f[3];
            highWrong += f[4];
        }
        System.out.printf(Locale.ROOT, "%-18s %9.3f %9.3f %9d %11d %d%n", "all fields", (double) tp / predicted,
                (double) tp / expected, expected, high, highWrong);
        System.out.printf(Locale.ROOT, "field accuracy (right values / expected values) %.3f%n", (double) tp / expected);
        System.out.printf(Locale.ROOT, "high-confidence error rate %.4f (%d wrong of %d given at or above their review threshold)%n",
                high == 0 ? 0 : (double) highWrong / high, highWrong, high);
    }

    private static String normalize(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}
