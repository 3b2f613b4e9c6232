package vn.sohoa.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import vn.sohoa.models.render.AdministrativeDocument;
import vn.sohoa.models.render.CorpusDocumentParser;
import vn.sohoa.models.render.Degradation;
import vn.sohoa.models.render.PageRenderer;
import vn.sohoa.models.render.RenderedDocument;
import vn.sohoa.models.render.RenderedPage;
import vn.sohoa.models.render.ScanFileWriter;
import vn.sohoa.models.render.ScanFormat;
import vn.sohoa.models.render.SyntheticDocumentGenerator;

/**
 * The benchmark's evaluation pages: one-page administrative documents (header, Số ký hiệu, date, body,
 * signature block with red seal and blue signature), half from the legal-text corpus and half synthetic,
 * rendered at 300 dpi and degraded the ways one-stop scans are: skew, upside down and sideways, salt and
 * pepper and Gaussian noise, blur, JPEG, dark scanner borders and punch holes, 200 or 300 dpi, colour, grey
 * or bilevel. The same seed gives the same files.
 */
public final class BenchSet {

    /** How one page is degraded and stored. {@code turn} is the clockwise turn applied to the page. */
    private record Recipe(String name, ScanFormat format, int dpi, int turn, Function<Random, Degradation> degradation) {
    }

    private static final int RENDER_DPI = 300;

    private static final List<Recipe> RECIPES = List.of(
            new Recipe("colour-300", ScanFormat.PNG, 300, 0,
                    r -> Degradation.saltAndPepper(0.0002, r.nextLong())),
            new Recipe("scan-colour-200-skew", ScanFormat.PNG, 200, 0,
                    r -> Degradation.skew(signed(r, 0.5, 3.0))
                            .andThen(Degradation.saltAndPepper(0.0003 + r.nextDouble() * 0.001, r.nextLong()))
                            .andThen(Degradation.resample(RENDER_DPI, 200))),
            new Recipe("phone-jpeg-200-blur", ScanFormat.JPEG, 200, 0,
                    r -> Degradation.resample(RENDER_DPI, 200)
                            .andThen(Degradation.gaussianNoise(4 + r.nextInt(8), r.nextLong()))
                            .andThen(Degradation.blur(0.6 + r.nextDouble() * 0.6))
                            .andThen(Degradation.jpeg(0.3f + r.nextInt(4) * 0.1f))),
            new Recipe("archive-g4-300-borders", ScanFormat.TIFF, 300, 0,
                    r -> Degradation.skew(signed(r, 0.3, 2.0))
                            .andThen(Degradation.scannerBorders(r.nextLong()))
                            .andThen(Degradation.punchHoles(RENDER_DPI))
                            .andThen(Degradation.saltAndPepper(0.0005 + r.nextDouble() * 0.001, r.nextLong()))
                            .andThen(Degradation.bilevel(150 + r.nextInt(30)))),
            new Recipe("grey-300-upside-down", ScanFormat.TIFF, 300, 180,
                    r -> Degradation.skew(signed(r, 0.3, 1.5))
                            .andThen(Degradation.gaussianNoise(6, r.nextLong()))
                            .andThen(Degradation.rotate(180))
                            .andThen(Degradation.grey())),
            new Recipe("grey-200-sideways", ScanFormat.TIFF, 200, 90,
                    r -> Degradation.resample(RENDER_DPI, 200)
                            .andThen(Degradation.rotate(90))
                            .andThen(Degradation.grey())),
            new Recipe("colour-200-borders-270", ScanFormat.JPEG, 200, 270,
                    r -> Degradation.skew(signed(r, 0.5, 2.5))
                            .andThen(Degradation.scannerBorders(r.nextLong()))
                            .andThen(Degradation.resample(RENDER_DPI, 200))
                            .andThen(Degradation.rotate(270))
                            .andThen(Degradation.jpeg(0.6f))),
            new Recipe("bilevel-200-noisy", ScanFormat.TIFF, 200, 0,
                    r -> Degradation.skew(signed(r, 0.3, 1.5))
                            .andThen(Degradation.resample(RENDER_DPI, 200))
                            .andThen(Degradation.saltAndPepper(0.002, r.nextLong()))
                            .andThen(Degradation.bilevel(160))));

    private BenchSet() {
    }

    /**
     * Writes {@code count} one-page scans into {@code directory}, recipes in turn, documents alternating
     * between the legal-text corpus (when it exists) and synthetic ones.
     */
    public static List<BenchPage> write(Path directory, int count, long seed, Path legalText) throws IOException {
        Files.createDirectories(directory);
        Random random = new Random(seed);
        List<Path> corpus = corpusFiles(legalText);
        java.util.Collections.shuffle(corpus, random);
        PageRenderer renderer = new PageRenderer(RENDER_DPI);
        List<BenchPage> pages = new ArrayList<>();
        int corpusUsed = 0;
        for (int i = 0; i < count; i++) {
            AdministrativeDocument document = i % 2 == 0 && corpusUsed < corpus.size()
                    ? CorpusDocumentParser.read(corpus.get(corpusUsed++))
                    : SyntheticDocumentGenerator.generate(seed * 1_000_003L + i);
            RenderedPage page = onePage(renderer, document);
            Recipe recipe = RECIPES.get(i % RECIPES.size());
            BufferedImage image = recipe.degradation().apply(new Random(random.nextLong())).apply(page.image());
            String stem = String.format(Locale.ROOT, "%02d-%s-%s", i, document.id(), recipe.name());
            Path file = directory.resolve(stem + "." + recipe.format().extension());
            ScanFileWriter.write(List.of(image), recipe.dpi(), recipe.format(), file);
            String truth = page.groundTruth().text();
            Files.writeString(directory.resolve(stem + ".gt.txt"), truth, StandardCharsets.UTF_8);
            pages.add(new BenchPage(file, truth, recipe.name(), recipe.dpi(), (360 - recipe.turn()) % 360));
        }
        return pages;
    }

    /** The document rendered on a single page: the body is shortened until the signature block fits. */
    private static RenderedPage onePage(PageRenderer renderer, AdministrativeDocument document) {
        int body = 2200;
        RenderedDocument rendered = renderer.render(document.withBodyLimitedTo(body));
        while (rendered.pages().size() > 1 && body > 200) {
            body -= 300;
            rendered = renderer.render(document.withBodyLimitedTo(body));
        }
        return rendered.pages().get(0);
    }

    private static double signed(Random random, double min, double max) {
        double magnitude = min + random.nextDouble() * (max - min);
        return Math.round((random.nextBoolean() ? magnitude : -magnitude) * 100) / 100.0;
    }

    private static List<Path> corpusFiles(Path directory) throws IOException {
        if (directory == null || !Files.isDirectory(directory)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList());
        }
    }
}
