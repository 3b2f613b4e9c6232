package vn.sohoa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.sohoa.models.eval.CharacterErrorRate;
import vn.sohoa.models.eval.WordErrors;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.DigitizerSettings;

/**
 * Scans never seen in development (corpus/real-scans, G4 TIFF and palette PNG from VietOCR): orientation
 * (every page upright, by the rotation each tool applied), time and size; and, on the pages with a hand
 * transcription (real-scans/gt), CER, word accuracy and the words wrong only by their tone mark.
 * vietsample1.pdf (born digital, other poems than vietsample1.tif) is rasterised at 300 dpi grey with
 * pdftoppm and read like a scan; its own text layer is the ground truth for a CER.
 */
final class RealScansCheck {

    /** Clockwise turn each page needs, by file: only vietsample2.tif's first page was scanned sideways. */
    private static final Map<String, int[]> UPRIGHT_TURNS = Map.of(
            "vietsample.tif", new int[] {0, 0},
            "vietsample1.tif", new int[] {0, 0},
            "vietsample2.tif", new int[] {270, 0},
            "vietsample2.png", new int[] {0});

    /** The hand transcriptions of each scan's pages, in page order (vietsample2.tif has none). */
    private static final Map<String, List<String>> TRANSCRIPTIONS = Map.of(
            "vietsample.tif", List.of("vietsample-p1.txt", "vietsample-p2.txt"),
            "vietsample1.tif", List.of("vietsample1-p1.txt", "vietsample1-p2.txt"),
            "vietsample2.png", List.of("vietsample2-png-p1.txt"));

    private static final Pattern PAGE_ROTATION = Pattern.compile("Page\\s+(\\d+)\\s+rot:\\s+(\\d+)");

    private RealScansCheck() {
    }

    static String run(Path realScans, Path out, int threads, boolean withPeers, int rounds) throws Exception {
        if (!Files.isDirectory(realScans)) {
            return "real scans: " + realScans + " is missing, check skipped\n";
        }
        // each scan under a name of its own (vietsample2.png and vietsample2.tif would both make vietsample2.pdf)
        Path named = out.resolve("inputs");
        Files.createDirectories(named);
        Map<Path, String> original = new HashMap<>();
        List<Path> inputs = new ArrayList<>();
        for (String name : UPRIGHT_TURNS.keySet().stream().sorted().toList()) {
            Path scan = realScans.resolve(name);
            if (Files.exists(scan)) {
                String extension = name.substring(name.lastIndexOf('.') + 1);
                Path link = named.resolve(name.replace("." + extension, "-" + extension + "." + extension));
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, scan.toAbsolutePath());
                inputs.add(link);
                original.put(link, name);
            }
        }
        Path reference = realScans.resolve("vietsample1.pdf");
        String referenceText = Files.exists(reference) ? TextLayer.of(reference) : null;
        List<Path> rasterised = referenceText == null ? List.of() : rasterise(reference, out.resolve("vietsample1-pdf"));
        inputs.addAll(rasterised);
        int pages = UPRIGHT_TURNS.values().stream().mapToInt(t -> t.length).sum() + rasterised.size();

        StringBuilder md = new StringBuilder("Real scans (corpus/real-scans, ").append(inputs.size())
                .append(" files, ").append(pages).append(" pages").append(rounds > 1 ? ", fastest of " + rounds + " rounds" : "")
                .append("):\n\n")
                .append("| contender | pages upright | CER of vietsample1.pdf rasterised, vs its text layer | pages/min | PDF size/page |\n")
                .append("| --- | ---: | ---: | ---: | ---: |\n");

        SohoaContender sohoa = new SohoaContender(DigitizerSettings.defaults(), threads);
        List<Contender> contenders = new ArrayList<>(List.of(sohoa));
        if (withPeers) {
            contenders.add(CommandContender.tesseract(threads));
            contenders.add(CommandContender.ocrmypdf(false, threads));
        }
        // each contender's fastest of the rounds, in turn (A B A B) as on the rendered set
        double[] fastest = new double[contenders.size()];
        java.util.Arrays.fill(fastest, Double.MAX_VALUE);
        List<Map<Path, Path>> outputs = new ArrayList<>(contenders.size());
        for (int round = 0; round < Math.max(1, rounds); round++) {
            for (int i = 0; i < contenders.size(); i++) {
                Contender contender = contenders.get(i);
                long start = System.nanoTime();
                Map<Path, Path> pdfs = contender.run(inputs, out.resolve(folder(contender.name())));
                fastest[i] = Math.min(fastest[i], (System.nanoTime() - start) / 1e9);
                if (round == 0) {
                    outputs.add(pdfs);
                }
            }
        }
        for (int i = 0; i < contenders.size(); i++) {
            Contender contender = contenders.get(i);
            Map<Path, Path> pdfs = outputs.get(i);
            double seconds = fastest[i];
            int upright = 0;
            long bytes = 0;
            for (Path input : inputs) {
                Path pdf = pdfs.get(input);
                if (pdf == null) {
                    continue;
                }
                bytes += Files.size(pdf);
                int[] expected = UPRIGHT_TURNS.getOrDefault(original.getOrDefault(input, ""), new int[] {0});
                int[] applied = contender == sohoa ? sohoaTurns(sohoa.documents().get(input)) : pdfRotations(pdf);
                for (int p = 0; p < expected.length && p < applied.length; p++) {
                    upright += applied[p] == expected[p] ? 1 : 0;
                }
            }
            String cer = "";
            if (!rasterised.isEmpty() && rasterised.stream().allMatch(pdfs::containsKey)) {
                StringBuilder text = new StringBuilder();
                for (Path page : rasterised) {
                    text.append(TextLayer.of(pdfs.get(page))).append('\n');
                }
                cer = String.format(Locale.ROOT, "%.2f %%", 100 * CharacterErrorRate.orderIndependent(referenceText, text.toString()));
            }
            md.append(String.format(Locale.ROOT, "| %s | %d/%d | %s | %.1f | %.0f KB |%n", contender.name(), upright, pages,
                    cer, pages * 60 / seconds, bytes / 1024.0 / pages));
        }
        md.append(transcribed(realScans.resolve("gt"), contenders, outputs, original));
        return md.toString();
    }

    /** Each contender's text layer against the hand transcriptions, the tone marks counted apart. */
    private static String transcribed(Path gt, List<Contender> contenders, List<Map<Path, Path>> outputs,
            Map<Path, String> original) throws IOException, InterruptedException {
        if (!Files.isDirectory(gt)) {
            return "\nNo hand transcriptions (" + gt + "): no CER on the real scans.\n";
        }
        StringBuilder md = new StringBuilder("\nAgainst the hand transcriptions (real-scans/gt: ")
                .append(String.join(", ", TRANSCRIPTIONS.keySet().stream().sorted().toList())).append("):\n\n")
                .append("| contender | CER | word accuracy | words wrong by tone only | by another mark only | tone errors seen |\n")
                .append("| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (int i = 0; i < contenders.size(); i++) {
            long errors = 0;
            long length = 0;
            WordErrors words = WordErrors.none();
            for (Map.Entry<Path, String> input : original.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList()) {
                List<String> pages = TRANSCRIPTIONS.get(input.getValue());
                Path pdf = outputs.get(i).get(input.getKey());
                if (pages == null) {
                    continue;
                }
                StringBuilder truth = new StringBuilder();
                for (String page : pages) {
                    truth.append(Files.readString(gt.resolve(page), StandardCharsets.UTF_8)).append('\n');
                }
                String read = pdf == null ? "" : TextLayer.of(pdf);
                // one column read top to bottom: the plain CER, so that a text layer laid out word by word
                // (pdftotext on the peers' PDFs) is not charged for its line breaks
                String truthText = CharacterErrorRate.normalize(truth.toString());
                int truthLength = truthText.codePointCount(0, truthText.length());
                errors += Math.round(CharacterErrorRate.of(truthText, read) * truthLength);
                length += truthLength;
                words = words.plus(WordErrors.of(truth.toString(), read));
            }
            md.append(String.format(Locale.ROOT, "| %s | %.2f %% | %.3f | %d of %d (%.2f %%) | %d | %s |%n",
                    contenders.get(i).name(), 100.0 * errors / Math.max(1, length), words.accuracy(), words.toneOnly(),
                    words.words(), 100 * words.toneErrorRate(), words.marksOnly(),
                    String.join(", ", words.toneExamples().stream().limit(8).toList())));
        }
        return md.toString();
    }

    private static String folder(String contender) {
        return contender.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The PDF's pages as 300 dpi grey PNGs (pdftoppm), in page order. */
    private static List<Path> rasterise(Path pdf, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process process = new ProcessBuilder("pdftoppm", "-r", "300", "-gray", "-png", pdf.toString(),
                dir.resolve("vietsample1-pdf").toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static int[] sohoaTurns(DigitizedDocument document) {
        return document == null ? new int[0]
                : document.pageNotes().stream().mapToInt(DigitizedDocument.PageNote::rotation).toArray();
    }

    /** The /Rotate of each page as pdfinfo reports it (OCRmyPDF turns pages that way). */
    private static int[] pdfRotations(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdfinfo", "-f", "1", "-l", "999", pdf.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String info = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        List<Integer> rotations = new ArrayList<>();
        Matcher m = PAGE_ROTATION.matcher(info);
        while (m.find()) {
            rotations.add(Integer.parseInt(m.group(2)));
        }
        return rotations.stream().mapToInt(Integer::intValue).toArray();
    }
}
