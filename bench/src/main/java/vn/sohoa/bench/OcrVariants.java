package vn.sohoa.bench;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.sohoa.models.eval.CharacterErrorRate;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.cleanup.CleanPage;
import vn.sohoa.pipeline.cleanup.Downscale;
import vn.sohoa.pipeline.cleanup.PageCleanup;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrResolution;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.ocr.TesseractEngine;

/**
 * Tesseract settings compared on the benchmark pages as SoHoa's cleanup leaves them: for each variant, the
 * CPU time of OCR per page (the OCR thread's own CPU clock, so other work on the machine matters little) and
 * the character error rate of the words read. How the models, page segmentation and parameters were chosen.
 *
 * <p>{@code bench/run --ocr-variants [--pages 16] [--seed 3] [--variants "base|lang=Vietnamese|..."]}. A
 * variant is {@code ;}-separated: {@code lang=L}, {@code psm=N}, {@code dpi=D} (pages are read at D dpi
 * at most instead of the resolution SoHoa chooses, itself at most the 200 dpi cleanup works at),
 * {@code vocabulary} (ocr-models' administrative user words and patterns), {@code binarize} (the page given
 * to Tesseract binarized by cleanup's AdaptiveBinarization, not grey), {@code NAME=VALUE} for any other
 * Tesseract parameter; {@code base} is SoHoa's production setting. {@code --dump DIR} also writes the cleaned pages there as PNG files.
 */
public final class OcrVariants {

    private static final String DEFAULT_VARIANTS = String.join("|",
            "base", "lang=Vietnamese", "lang=vie+Vietnamese", "load_system_dawg=0;load_freq_dawg=0",
            "psm=4", "dpi=240", "dpi=200");

    private OcrVariants() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        List<BenchPage> set = options.set();
        DigitizerSettings settings = DigitizerSettings.defaults();

        List<CleanPage> cleaned = new ArrayList<>();
        try (TesseractEngine engine = new TesseractEngine(settings.ocr())) {
            PageCleanup cleanup = new PageCleanup((grey, dpi) -> engine.detectOrientation(grey, dpi,
                    settings.orientationConfidence()).filter(o -> o.confidence() >= settings.orientationConfidence())
                    .map(TesseractEngine.Orientation::degrees));
            ScanDecoder decoder = new ScanDecoder(settings.limits());
            for (BenchPage page : set) {
                CleanPage clean = cleanup.clean(decoder.decode(page.file()).get(0));
                cleaned.add(clean);
                if (options.has("dump")) {
                    // the OCR copy as a PNG, for trying settings on the tesseract CLI (--dpi from the name)
                    Path dump = Path.of(options.get("dump", ""));
                    java.nio.file.Files.createDirectories(dump);
                    javax.imageio.ImageIO.write(clean.forOcr(), "png", dump.resolve(page.name().replaceFirst("\\.[a-z]+$", "")
                            + "-" + Math.round(clean.dpi()) + "dpi.png").toFile());
                }
            }
        }

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<String> specs = List.of(options.get("variants", DEFAULT_VARIANTS).split("\\|"));
        List<Variant> variants = specs.stream().map(spec -> Variant.parse(spec, settings.ocr())).toList();
        List<TesseractEngine> engines = new ArrayList<>();
        int n = variants.size();
        long[] nanos = new long[n];
        long[] edits = new long[n];
        double[] words = new double[n];
        double[] worst = new double[n];
        long chars = 0;
        try {
            for (Variant v : variants) {
                TesseractEngine engine = new TesseractEngine(v.ocr());
                engines.add(engine);
                // one page read before timing: first-use costs of the model are not a page's
                engine.recognize(1, cleaned.get(0).forOcr(), cleaned.get(0).dpi());
            }
            // variants in turn on each page, so that a busy minute of the machine falls on all of them alike
            for (int i = 0; i < set.size(); i++) {
                CleanPage page = cleaned.get(i);
                String truth = set.get(i).groundTruth();
                chars += truth.length();
                for (int k = 0; k < n; k++) {
                    Variant v = variants.get(k);
                    Downscale.Scaled input = Downscale.toAtMost(page.forOcr(), page.dpi(), v.maxDpi() > 0
                            ? v.maxDpi() : OcrResolution.forPage(page.dpi(), page.xHeightInches()));
                    java.awt.image.BufferedImage read = v.binarize()
                            ? new vn.sohoa.pipeline.cleanup.AdaptiveBinarization().apply(input.grey(), input.dpi())
                            : input.grey();
                    long start = cpu.getCurrentThreadCpuTime();
                    OcrPage ocr = engines.get(k).recognize(page.number(), read, input.dpi());
                    nanos[k] += cpu.getCurrentThreadCpuTime() - start;
                    double cer = CharacterErrorRate.orderIndependent(truth, ocr.text());
                    edits[k] += Math.round(cer * truth.length());
                    words[k] += CharacterErrorRate.wordAccuracy(truth, ocr.text());
                    worst[k] = Math.max(worst[k], cer);
                    System.err.printf(Locale.ROOT, "%s %s: %.2f %%%n", set.get(i).name(), specs.get(k), 100 * cer);
                }
            }
        } finally {
            engines.forEach(TesseractEngine::close);
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%d pages, OCR only, one thread, variants in turn on each page%n%n",
                set.size()));
        table.append("| variant | OCR CPU ms/page | vs first | CER | word accuracy | worst page CER |\n");
        table.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (int k = 0; k < n; k++) {
            table.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f %% | %.1f %% | %.2f %% |%n", specs.get(k),
                    nanos[k] / 1e6 / set.size(), (double) nanos[k] / nanos[0], 100.0 * edits[k] / chars,
                    100 * words[k] / set.size(), 100 * worst[k]));
        }
        System.out.println(table);
    }

    /** One Tesseract setting to try. */
    record Variant(OcrSettings ocr, float maxDpi, boolean binarize) {

        static Variant parse(String spec, OcrSettings base) {
            OcrSettings ocr = base;
            float maxDpi = 0;
            boolean binarize = false;
            for (String part : spec.split(";")) {
                if (part.isBlank() || part.equals("base")) {
                    continue;
                }
                String[] kv = part.split("=", 2);
                switch (kv[0]) {
                    case "lang" -> ocr = ocr.withLanguage(kv[1]);
                    case "psm" -> ocr = ocr.withPageSegmentation(Integer.parseInt(kv[1]));
                    case "dpi" -> maxDpi = Float.parseFloat(kv[1]);
                    case "vocabulary" -> ocr = vn.sohoa.pipeline.ocr.AdministrativeVocabulary.addTo(ocr);
                    case "binarize" -> binarize = true;
                    default -> ocr = ocr.withVariable(kv[0], kv[1]);
                }
            }
            return new Variant(ocr, maxDpi, binarize);
        }
    }
}
