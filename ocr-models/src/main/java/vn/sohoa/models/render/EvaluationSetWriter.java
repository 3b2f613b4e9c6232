package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a reproducible OCR / classification / extraction evaluation set: documents (half from the legal-text
 * corpus when it is given, half synthetic), each rendered at 300 dpi and written as a clean PNG plus two
 * degraded variants (200 dpi colour scan PNG, 200 dpi JPEG, bilevel G4 TIFF, grey sideways TIFF), with
 * {@code <file>.gt.txt} ground truth per image file (pages separated by "\f"), {@code <doc>.words.tsv} word boxes
 * of the undegraded pages, and {@code manifest.jsonl}, one line per image file. The same arguments always give
 * the same bytes.
 *
 * <p>Usage: {@code java -cp sohoa-ocr-models.jar vn.sohoa.models.render.EvaluationSetWriter OUTPUT_DIR [COUNT=20]
 * [SEED=7] [LEGAL_TEXT_DIR]}
 */
public final class EvaluationSetWriter {

    /** Body characters kept from a corpus document: one to three pages, so the set stays small. */
    static final int CORPUS_BODY_CHARACTERS = 3500;

    /** A way of degrading a document: file format, whether it ends at the low resolution, colour mode. */
    private record Recipe(String name, ScanFormat format, boolean lowResolution, String colourMode,
                          boolean pagePerFile) {
    }

    private static final List<Recipe> RECIPES = List.of(
            new Recipe("scan-colour", ScanFormat.PNG, true, "rgb", true),
            new Recipe("phone-jpeg", ScanFormat.JPEG, true, "rgb", true),
            new Recipe("archive-g4", ScanFormat.TIFF, false, "bilevel", false),
            new Recipe("sideways-grey", ScanFormat.TIFF, true, "grey", false));
    private static final Recipe CLEAN = new Recipe("clean", ScanFormat.PNG, false, "rgb", true);

    private final int renderDpi;
    private final int lowDpi;
    private final PageRenderer renderer;

    /** A writer rendering at 300 dpi, with 200 dpi variants. */
    public EvaluationSetWriter() {
        this(300, 200);
    }

    /** A writer rendering at {@code renderDpi}, with low-resolution variants resampled to {@code lowDpi}. */
    public EvaluationSetWriter(int renderDpi, int lowDpi) {
        if (lowDpi > renderDpi) {
            throw new IllegalArgumentException("low resolution " + lowDpi + " is above the rendering " + renderDpi);
        }
        this.renderDpi = renderDpi;
        this.lowDpi = lowDpi;
        this.renderer = new PageRenderer(renderDpi);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: EvaluationSetWriter OUTPUT_DIR [COUNT=20] [SEED=7] [LEGAL_TEXT_DIR]");
            System.exit(2);
        }
        Path output = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        Path corpus = args.length > 3 ? Path.of(args[3]) : null;
        if (corpus != null && !Files.isDirectory(corpus)) {
            System.err.println("legal-text directory " + corpus + " does not exist; give the corpus/legal-text "
                    + "folder or leave the argument out for synthetic documents only");
            System.exit(2);
        }
        List<ManifestEntry> entries = new EvaluationSetWriter().write(output, count, seed, corpus);
        System.out.println("wrote " + entries.size() + " image files for " + count + " documents to " + output
                + " (manifest.jsonl)");
    }

    /**
     * Writes {@code count} documents into {@code output} (created if needed).
     *
     * @param legalTextDir corpus of legal-text files, or null for synthetic documents only
     * @return the manifest entries, in file order
     */
    public List<ManifestEntry> write(Path output, int count, long seed, Path legalTextDir) throws IOException {
        Files.createDirectories(output);
        Random random = new Random(seed);
        List<Path> corpus = corpusFiles(legalTextDir);
        Collections.shuffle(corpus, random);
        List<ManifestEntry> entries = new ArrayList<>();
        int corpusUsed = 0;
        for (int i = 0; i < count; i++) {
            AdministrativeDocument document;
            String source;
            if (i % 2 == 0 && corpusUsed < corpus.size()) {
                document = CorpusDocumentParser.read(corpus.get(corpusUsed++)).withBodyLimitedTo(CORPUS_BODY_CHARACTERS);
                source = "corpus";
            } else {
                document = SyntheticDocumentGenerator.generate(seed * 1_000_003L + i);
                source = "synthetic";
            }
            String stem = String.format(Locale.ROOT, "%03d-%s", i, document.id());
            RenderedDocument rendered = renderer.render(document);
            String boxes = stem + ".words.tsv";
            Files.writeString(output.resolve(boxes), wordBoxes(rendered), StandardCharsets.UTF_8);

            List<Recipe> recipes = new ArrayList<>(RECIPES);
            Collections.shuffle(recipes, random);
            List<Recipe> chosen = List.of(CLEAN, recipes.get(0), recipes.get(1));
            for (Recipe recipe : chosen) {
                long variantSeed = random.nextLong();
                entries.addAll(writeVariant(output, stem, boxes, source, rendered, recipe, variantSeed));
            }
        }
        StringBuilder manifest = new StringBuilder();
        for (ManifestEntry entry : entries) {
            manifest.append(entry.toJson()).append('\n');
        }
        Files.writeString(output.resolve("manifest.jsonl"), manifest, StandardCharsets.UTF_8);
        return entries;
    }

    private List<ManifestEntry> writeVariant(Path output, String stem, String boxes, String source,
                                             RenderedDocument rendered, Recipe recipe, long seed) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        List<String> applied = List.of();
        for (RenderedPage page : rendered.pages()) {
            Degradation degradation = degradation(recipe, new Random(seed + page.pageNumber()), new Random(seed));
            images.add(degradation == null ? page.image() : degradation.apply(page.image()));
            applied = degradation == null ? List.of()
                    : degradation.steps().stream().map(Degradation::name).toList();
        }
        List<ManifestEntry> entries = new ArrayList<>();
        String base = stem + "." + recipe.name();
        if (recipe.pagePerFile()) {
            for (int p = 0; p < images.size(); p++) {
                String name = images.size() == 1 ? base : base + String.format(Locale.ROOT, "-p%02d", p + 1);
                entries.add(writeFile(output, name, boxes, source, rendered, recipe, applied,
                        images.subList(p, p + 1), p));
            }
        } else {
            entries.add(writeFile(output, base, boxes, source, rendered, recipe, applied, images, 0));
        }
        return entries;
    }

    private ManifestEntry writeFile(Path output, String name, String boxes, String source, RenderedDocument rendered,
                                    Recipe recipe, List<String> applied, List<BufferedImage> images, int firstIndex)
            throws IOException {
        String file = name + "." + recipe.format().extension();
        String compression = ScanFileWriter.write(images, dpiOf(recipe), recipe.format(), output.resolve(file));
        StringBuilder text = new StringBuilder();
        for (int p = firstIndex; p < firstIndex + images.size(); p++) {
            text.append(p > firstIndex ? "\f" : "").append(rendered.pages().get(p).groundTruth().text());
        }
        String groundTruth = name + ".gt.txt";
        Files.writeString(output.resolve(groundTruth), text, StandardCharsets.UTF_8);
        return new ManifestEntry(file, groundTruth, boxes, rendered.document().id(), source, recipe.name(), applied,
                dpiOf(recipe), recipe.colourMode(), recipe.format().name().toLowerCase(Locale.ROOT), compression,
                firstIndex + 1, images.size(), ManifestEntry.fieldsOf(rendered.document()));
    }

    /**
     * The degradation of one page for a recipe; {@code page} varies per page (noise, borders), {@code document}
     * is the same for all pages of the document (rotation, JPEG quality), so a multi-page file is consistent.
     */
    private Degradation degradation(Recipe recipe, Random page, Random shared) {
        return switch (recipe.name()) {
            case "clean" -> null;
            case "scan-colour" -> Degradation.skew(signed(page, 0.5, 3.0))
                    .andThen(Degradation.saltAndPepper(0.0003 + page.nextDouble() * 0.001, page.nextLong()))
                    .andThen(Degradation.resample(renderDpi, lowDpi));
            case "phone-jpeg" -> Degradation.resample(renderDpi, lowDpi)
                    .andThen(Degradation.gaussianNoise(4 + page.nextInt(8), page.nextLong()))
                    .andThen(Degradation.blur(0.6 + page.nextDouble() * 0.6))
                    .andThen(Degradation.jpeg(0.3f + shared.nextInt(4) * 0.1f));
            case "archive-g4" -> Degradation.skew(signed(page, 0.3, 2.0))
                    .andThen(Degradation.scannerBorders(page.nextLong()))
                    .andThen(Degradation.punchHoles(renderDpi))
                    .andThen(Degradation.saltAndPepper(0.0005 + page.nextDouble() * 0.001, page.nextLong()))
                    .andThen(Degradation.bilevel(150 + page.nextInt(30)));
            case "sideways-grey" -> Degradation.resample(renderDpi, lowDpi)
                    .andThen(Degradation.rotate(90 * (1 + shared.nextInt(3))))
                    .andThen(Degradation.grey());
            default -> throw new IllegalStateException("unknown recipe " + recipe.name());
        };
    }

    private int dpiOf(Recipe recipe) {
        return recipe.lowResolution() ? lowDpi : renderDpi;
    }

    private static double signed(Random random, double min, double max) {
        double magnitude = min + random.nextDouble() * (max - min);
        return Math.round((random.nextBoolean() ? magnitude : -magnitude) * 100) / 100.0;
    }

    /** page, line, word (1-based), box x y width height, text: tab separated, one word per line. */
    static String wordBoxes(RenderedDocument rendered) {
        StringBuilder tsv = new StringBuilder("page\tline\tword\tx\ty\twidth\theight\ttext\n");
        for (RenderedPage page : rendered.pages()) {
            List<TextLine> lines = page.groundTruth().lines();
            for (int l = 0; l < lines.size(); l++) {
                List<Word> words = lines.get(l).words();
                for (int w = 0; w < words.size(); w++) {
                    PixelBox box = words.get(w).box();
                    tsv.append(page.pageNumber()).append('\t').append(l + 1).append('\t').append(w + 1).append('\t')
                            .append(box.x()).append('\t').append(box.y()).append('\t').append(box.width()).append('\t')
                            .append(box.height()).append('\t').append(words.get(w).text()).append('\n');
                }
            }
        }
        return tsv.toString();
    }

    private static List<Path> corpusFiles(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list legal-text corpus " + directory + ": " + e.getMessage(), e);
        }
    }
}
