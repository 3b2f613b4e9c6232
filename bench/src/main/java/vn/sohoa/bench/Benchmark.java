package vn.sohoa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.sohoa.models.eval.CharacterErrorRate;
import vn.sohoa.pipeline.DigitizerSettings;

/**
 * SoHoa against the tesseract CLI and OCRmyPDF's two settings, on the same rendered pages in one run on
 * one machine, each with two workers. Prints the comparison as Markdown and writes it to
 * {@code OUT/results.md}, then checks SoHoa and OCRmyPDF on real scans never seen in development.
 *
 * <p>{@code bench/run [--pages 16] [--seed 3] [--threads 2] [--only sohoa,sohoa-small,tesseract,ocrmypdf,ocrmypdf-clean]
 * [--rounds 1] [--warmup 0] [--out bench/out] [--no-real-scans]}
 */
public final class Benchmark {

    /** Pages under this error rate count as upright and read. */
    static final double READ_WELL = 0.10;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        int threads = Integer.parseInt(options.get("threads", "2"));
        Path out = options.out();
        Path corpus = options.corpus();
        List<String> only = List.of(options.get("only", "sohoa,sohoa-small,tesseract,ocrmypdf,ocrmypdf-clean").split(","));
        if (options.has("real-scans-only")) {
            System.out.println(RealScansCheck.run(corpus.resolve("real-scans"), out.resolve("real-scans"), threads,
                    only.contains("ocrmypdf"), Integer.parseInt(options.get("rounds", "1"))));
            return;
        }

        List<BenchPage> set = options.set();
        List<Path> inputs = set.stream().map(BenchPage::file).toList();

        // --rounds N runs the contenders in turn N times (A B A B ...) and keeps each one's fastest run: on a
        // machine shared with other work, one contender's run can fall on a busy minute and the other's not
        int rounds = Integer.parseInt(options.get("rounds", "1"));
        List<Contender> contenders = contenders(only, threads);
        // --warmup N runs every contender N times on the set before the timed rounds, untimed: the pages a
        // minute of a process already running (SoHoa's service, a long batch), after the JIT has compiled
        // SoHoa's code and OCRmyPDF's modules are in the page cache; the warm-up runs' times are printed too
        int warmups = Integer.parseInt(options.get("warmup", "0"));
        StringBuilder warmupTimes = new StringBuilder();
        for (int w = 0; w < warmups; w++) {
            for (Contender contender : contenders) {
                RunResult warm = run(contender, set, inputs, out.resolve(folder(contender.name())));
                warmupTimes.append(warmupTimes.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f s (%.1f pages/min)",
                        contender.name(), warm.seconds(), warm.pagesPerMinute()));
            }
        }
        List<RunResult> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < contenders.size(); i++) {
                Contender contender = contenders.get(i);
                RunResult result = run(contender, set, inputs, out.resolve(folder(contender.name())));
                if (round == 0) {
                    results.add(result);
                } else if (result.seconds() < results.get(i).seconds()) {
                    results.set(i, result);
                }
            }
        }
        String table = table(results, set, threads);
        if (warmups > 0) {
            table = "Untimed warm-up run" + (warmups > 1 ? "s" : "") + " before the timed rounds: " + warmupTimes + "\n\n" + table;
        }
        System.out.println(table);
        Files.writeString(out.resolve("results.md"), table, StandardCharsets.UTF_8);

        if (!options.has("no-real-scans")) {
            String real = RealScansCheck.run(corpus.resolve("real-scans"), out.resolve("real-scans"), threads,
                    only.contains("ocrmypdf"), rounds);
            System.out.println(real);
            Files.writeString(out.resolve("results.md"), table + "\n" + real, StandardCharsets.UTF_8);
        }
    }

    private static List<Contender> contenders(List<String> only, int threads) {
        List<Contender> contenders = new ArrayList<>();
        if (only.contains("sohoa")) {
            contenders.add(new SohoaContender(DigitizerSettings.defaults(), threads));
        }
        if (only.contains("sohoa-small")) {
            DigitizerSettings small = DigitizerSettings.defaults();
            contenders.add(new SohoaContender(small.withOcr(small.ocr().withLanguage(
                    vn.sohoa.pipeline.ocr.BundledModels.SMALL)), threads));
        }
        if (only.contains("tesseract")) {
            contenders.add(CommandContender.tesseract(threads));
        }
        if (only.contains("ocrmypdf")) {
            contenders.add(CommandContender.ocrmypdf(false, threads));
        }
        if (only.contains("ocrmypdf-clean")) {
            contenders.add(CommandContender.ocrmypdf(true, threads));
        }
        return contenders;
    }

    static RunResult run(Contender contender, List<BenchPage> set, List<Path> inputs, Path dir) throws Exception {
        System.err.printf("bench: %s on %d files%n", contender.name(), inputs.size());
        long start = System.nanoTime();
        Map<Path, Path> pdfs = contender.run(inputs, dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<PageScore> scores = new ArrayList<>();
        for (BenchPage page : set) {
            Path pdf = pdfs.get(page.file());
            if (pdf == null) {
                scores.add(new PageScore(page, 1, 0, 0));
                continue;
            }
            String text = TextLayer.of(pdf);
            scores.add(new PageScore(page, CharacterErrorRate.orderIndependent(page.groundTruth(), text),
                    CharacterErrorRate.wordAccuracy(page.groundTruth(), text), Files.size(pdf)));
        }
        RunResult result = new RunResult(contender.name(), seconds, scores);
        System.err.printf(Locale.ROOT, "bench: %s: %.1f s, CER %.2f %%%n", contender.name(), seconds, 100 * result.cer());
        return result;
    }

    static String table(List<RunResult> results, List<BenchPage> set, int threads) {
        RunResult reference = results.stream().filter(r -> r.contender().equals("OCRmyPDF")).findFirst().orElse(null);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d rendered pages (%d ground-truth characters), %d workers each, %d cores, %s; SoHoa's malloc settings %s, %s; the peers: %s%n%n",
                set.size(), set.stream().mapToInt(p -> p.groundTruth().length()).sum(), threads,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getenv().getOrDefault("GLIBC_TUNABLES", "glibc's defaults"),
                vn.sohoa.pipeline.ocr.TesseractLibrary.install() ? "SoHoa's libtesseract (LTO, no OpenMP, AVX2 activations)"
                        : "Debian's libtesseract, OpenMP " + (vn.sohoa.pipeline.ocr.SerialOpenMp.install() ? "serial" : "libgomp"),
                CommandContender.peersEnvironment()));
        md.append("| contender | CER | word accuracy | pages read (CER < 10 %) | pages/min | speed vs OCRmyPDF | "
                + "CER vs OCRmyPDF | PDF size/page |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (RunResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f %% | %.1f %% | %d/%d | %.1f | %s | %s | %.0f KB |%n",
                    r.contender(), 100 * r.cer(), 100 * r.wordAccuracy(), r.pagesReadWell(READ_WELL),
                    r.scores().size(), r.pagesPerMinute(),
                    reference == null ? "" : String.format(Locale.ROOT, "%.1fx", r.pagesPerMinute() / reference.pagesPerMinute()),
                    reference == null ? "" : String.format(Locale.ROOT, "%.2f", r.cer() / reference.cer()),
                    r.kilobytesPerPage()));
        }
        md.append("\nCER by page (variant):\n\n| page |");
        results.forEach(r -> md.append(' ').append(r.contender()).append(" |"));
        md.append("\n| --- |");
        results.forEach(r -> md.append(" ---: |"));
        md.append('\n');
        for (int i = 0; i < set.size(); i++) {
            md.append("| ").append(set.get(i).name()).append(" |");
            for (RunResult r : results) {
                md.append(String.format(Locale.ROOT, " %.2f %% |", 100 * r.scores().get(i).cer()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String folder(String contender) {
        return contender.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }


    static String readString(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
