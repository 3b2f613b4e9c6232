package vn.sohoa.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.sohoa.app.publish.DocumentJson;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;

/**
 * {@code sohoa ocr --output-dir DIR [--json] FILE...}: one searchable PDF per input, and with --json one
 * JSON object per input on stdout, in input order. Exit status 0 only when every input is ok.
 */
@Command(name = "ocr", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = {"Số hóa tệp quét thành PDF/A tìm kiếm được, mỗi tệp một PDF.",
                "Scans (JPEG, PNG, TIFF, image-only PDF) in, DIR/<name>.pdf out; --json prints one JSON object per input."})
public final class OcrCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    SigningOptions signing = new SigningOptions();

    @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "DIR",
            description = "Where to write <name>.pdf for every input (created if missing).")
    Path outputDir;

    @Option(names = "--json", description = "Print one JSON object per input on stdout (the SoHoa contract).")
    boolean json;

    @Option(names = {"-j", "--threads"}, paramLabel = "N",
            description = "OCR threads, one Tesseract engine each (default: one per core, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scanned files to digitize.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        Quiet.logging();
        Files.createDirectories(outputDir);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        List<Path> targets = targets(files, outputDir);
        boolean allOk = true;
        DigitizerSettings settings = signing.applyTo(DigitizerSettings.defaults().withOcrThreads(threads));
        // one file more than OCR engines: an engine never waits while a file is decoded or its PDF written
        ExecutorService filesInFlight = Executors.newFixedThreadPool(Math.max(1, threads) + 1);
        try (Digitizer digitizer = new Digitizer(settings)) {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path input = files.get(i);
                Path target = targets.get(i);
                outcomes.add(filesInFlight.submit(() -> digitize(digitizer, input, target)));
            }
            for (Future<Outcome> future : outcomes) {
                Outcome outcome = Outcomes.await(future);
                allOk &= outcome.ok();
                if (json) {
                    out.println(mapper.writeValueAsString(outcome.json()));
                } else {
                    outcome.printHuman(out, System.err);
                }
            }
        } finally {
            filesInFlight.shutdownNow();
        }
        return allOk ? 0 : 1;
    }

    private static Outcome digitize(Digitizer digitizer, Path input, Path target) {
        if (!Files.isRegularFile(input)) {
            return Outcome.failed(input, Files.exists(input) ? "not a regular file" : "file not found");
        }
        try {
            DigitizedDocument document = digitizer.digitize(Scan.of(input), target);
            return new Outcome(input, document, null);
        } catch (RejectedScanException e) {
            return Outcome.failed(input, e.getMessage());
        } catch (IOException e) {
            return Outcome.failed(input, "cannot read the file: " + e.getMessage());
        } catch (RuntimeException e) {
            return Outcome.failed(input, "unexpected error: " + e);
        }
    }

    /** DIR/<name>.pdf for each input; a second input with the same name gets <name>-2.pdf, and so on. */
    static List<Path> targets(List<Path> inputs, Path dir) {
        Set<String> taken = new HashSet<>();
        List<Path> targets = new ArrayList<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String base = dot > 0 ? name.substring(0, dot) : name;
            String candidate = base;
            for (int n = 2; !taken.add(candidate); n++) {
                candidate = base + "-" + n;
            }
            targets.add(dir.resolve(candidate + ".pdf"));
        }
        return targets;
    }

    /** The result for one input, for JSON or for people. */
    record Outcome(Path input, DigitizedDocument document, String error) {

        static Outcome failed(Path input, String error) {
            return new Outcome(input, null, error);
        }

        boolean ok() {
            return error == null;
        }

        Object json() {
            return ok() ? DocumentJson.ok(input.toString(), document) : DocumentJson.failed(input.toString(), error);
        }

        void printHuman(PrintStream out, PrintStream err) {
            if (ok()) {
                out.printf("ok      %s -> %s (%d trang, loại %s)%n", input, document.pdf(), document.pageCount(),
                        document.document().type().code());
            } else {
                err.printf("failed  %s: %s%n", input, error);
            }
        }
    }
}
