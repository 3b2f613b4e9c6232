package vn.sohoa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;

/**
 * SoHoa in-process: one {@link Digitizer} with {@code threads} OCR engines, fed {@code threads + 1} files at
 * a time as {@code sohoa ocr} does, so that single-page files keep every engine busy while one file is
 * decoded or its PDF written. Engines are created inside the timed run; the
 * JVM start (about half a second) is not counted. The page notes (rotation applied) are kept for the report.
 */
public final class SohoaContender implements Contender {

    private final DigitizerSettings settings;
    private final int threads;
    private final Map<Path, DigitizedDocument> documents = new ConcurrentHashMap<>();

    public SohoaContender(DigitizerSettings settings, int threads) {
        this.settings = settings.withOcrThreads(threads);
        this.threads = threads;
    }

    @Override
    public String name() {
        return settings.ocr().language().equals("vie") ? "SoHoa" : "SoHoa " + settings.ocr().language();
    }

    public Map<Path, DigitizedDocument> documents() {
        return documents;
    }

    @Override
    public Map<Path, Path> run(List<Path> inputs, Path outDir) throws Exception {
        Files.createDirectories(outDir);
        Map<Path, Path> pdfs = new ConcurrentHashMap<>();
        ExecutorService files = Executors.newFixedThreadPool(threads + 1);
        try (Digitizer digitizer = new Digitizer(settings)) {
            List<Future<?>> done = new ArrayList<>();
            for (Path input : inputs) {
                done.add(files.submit(() -> {
                    Path pdf = outDir.resolve(stem(input) + ".pdf");
                    try {
                        DigitizedDocument document = digitizer.digitize(Scan.of(input), pdf);
                        documents.put(input, document);
                        pdfs.put(input, pdf);
                    } catch (RejectedScanException e) {
                        System.err.println("SoHoa: " + input.getFileName() + ": " + e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            files.shutdown();
        }
        return pdfs;
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
