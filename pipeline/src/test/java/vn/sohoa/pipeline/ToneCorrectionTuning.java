package vn.sohoa.pipeline;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.sohoa.models.eval.WordErrors;
import vn.sohoa.models.language.SyllableModel;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.ocr.TesseractEngine;
import vn.sohoa.pipeline.ocr.ToneCorrection;

/**
 * Run by hand, not in the suite: the weights of {@link ToneCorrection} tried on a grid, tuned on
 * vietsample.tif (2 pages) and checked on the transcribed pages it was not tuned on (vietsample1.tif, a poem
 * in another font, and vietsample2.png, vietsample.tif's first page's text in other fonts). Prints, for each
 * pair of weights, the words wrong by tone only or by another mark, and the words right before and wrong
 * after (a correction that broke a word).
 *   java -cp ... vn.sohoa.pipeline.ToneCorrectionTuning [DECODINGS]
 */
public final class ToneCorrectionTuning {

    private record Page(String file, int index, String truth, boolean tuning) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("real-scans/vietsample.tif", 0, "real-scans/gt/vietsample-p1.txt", true),
            new Page("real-scans/vietsample.tif", 1, "real-scans/gt/vietsample-p2.txt", true),
            new Page("real-scans/vietsample1.tif", 0, "real-scans/gt/vietsample1-p1.txt", false),
            new Page("real-scans/vietsample1.tif", 1, "real-scans/gt/vietsample1-p2.txt", false),
            new Page("real-scans/vietsample2.png", 0, "real-scans/gt/vietsample2-png-p1.txt", false));

    private ToneCorrectionTuning() {
    }

    public static void main(String[] args) throws Exception {
        int decodings = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PageReader reader = new PageReader(DigitizerSettings.defaults().withToneCorrection(false));
        List<OcrPage> read = new ArrayList<>();
        List<String> truths = new ArrayList<>();
        try (TesseractEngine engine = new TesseractEngine(OcrSettings.defaults().withSymbolChoices(decodings))) {
            for (Page page : PAGES) {
                PageImage image = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file(page.file())).get(page.index());
                read.add(reader.read(engine, image).ocr());
                truths.add(Files.readString(SharedCorpus.file(page.truth())));
            }
        }
        // -Dmodel=FILE tries another syllable model (SyllableCounts' gzip format) in place of the bundled one
        String other = System.getProperty("model");
        SyllableModel model;
        if (other == null) {
            model = SyllableModel.load();
        } else {
            try (InputStream in = Files.newInputStream(Path.of(other))) {
                model = SyllableModel.read(in);
            }
        }
        System.out.println(line("as read", read, truths));
        if (args.length > 2) {
            // the words one pair of weights changed, with what they should read
            ToneCorrection correction = new ToneCorrection(model, Double.parseDouble(args[1]), Double.parseDouble(args[2]));
            for (int i = 0; i < read.size(); i++) {
                List<String> before = read.get(i).words().stream().map(w -> w.text()).toList();
                List<String> after = correction.correct(read.get(i)).words().stream().map(w -> w.text()).toList();
                String truth = truths.get(i);
                for (int w = 0; w < before.size(); w++) {
                    if (!before.get(w).equals(after.get(w))) {
                        String core = after.get(w).replaceAll("^\\P{L}+|\\P{L}+$", "");
                        boolean right = truth.contains(" " + core + " ") || truth.contains(core + " ") ;
                        System.out.println("  " + PAGES.get(i).file() + ": " + before.get(w) + " -> " + after.get(w)
                                + (truth.contains(core) ? "" : "   (not in truth)"));
                    }
                }
            }
            return;
        }
        for (double weight : new double[] {0.5, 1, 2, 3}) {
            for (double margin : new double[] {0, 0.5, 1, 1.5, 2, 3}) {
                ToneCorrection correction = new ToneCorrection(model, weight, margin);
                List<OcrPage> corrected = read.stream().map(correction::correct).toList();
                System.out.println(line(String.format(Locale.ROOT, "weight %.1f margin %.1f", weight, margin), corrected, truths));
            }
        }
    }

    private static String line(String label, List<OcrPage> pages, List<String> truths) {
        WordErrors tuning = WordErrors.none();
        WordErrors check = WordErrors.none();
        for (int i = 0; i < pages.size(); i++) {
            WordErrors errors = WordErrors.of(truths.get(i), pages.get(i).text());
            if (PAGES.get(i).tuning()) {
                tuning = tuning.plus(errors);
            } else {
                check = check.plus(errors);
            }
        }
        return String.format(Locale.ROOT, "%-22s tuning: right %d/%d tone %d marks %d | check: right %d/%d tone %d marks %d other %d",
                label, tuning.correct(), tuning.words(), tuning.toneOnly(), tuning.marksOnly(), check.correct(), check.words(),
                check.toneOnly(), check.marksOnly(), check.other());
    }
}
