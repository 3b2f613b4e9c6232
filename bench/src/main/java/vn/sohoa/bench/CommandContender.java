package vn.sohoa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * An external command run once per input file, {@code parallel} processes at a time (tesseract reads one
 * page per process and OCRmyPDF one file per process, so two at a time is what uses two cores). Output and
 * errors go to a log file per input; OMP_THREAD_LIMIT=1 and MALLOC_ARENA_MAX=2 as for SoHoa, but glibc's own
 * malloc tunables, as installed, unless BENCH_PEER_MALLOC=same gives them SoHoa's (bin/native-env's GLIBC_TUNABLES),
 * and libgomp, unless BENCH_PEER_OPENMP=serial preloads SoHoa's serial OpenMP library into them (tesseract, and
 * the tesseract processes OCRmyPDF starts, inherit it).
 */
public final class CommandContender implements Contender {

    private final String name;
    private final int parallel;
    private final BiFunction<Path, Path, List<String>> command;

    /** {@code command} gives the command line for an input and the PDF it must write. */
    public CommandContender(String name, int parallel, BiFunction<Path, Path, List<String>> command) {
        this.name = name;
        this.parallel = parallel;
        this.command = command;
    }

    /** {@code tesseract IN OUT -l vie pdf}: no rotation, no deskew, no PDF/A. */
    public static CommandContender tesseract(int parallel) {
        return new CommandContender("tesseract CLI", parallel, (in, pdf) -> List.of("tesseract", in.toString(),
                pdf.toString().replaceFirst("\\.pdf$", ""), "-l", "vie", "pdf"));
    }

    /** {@code ocrmypdf --rotate-pages --deskew [--clean] -l vie --jobs 2 IN OUT}. */
    public static CommandContender ocrmypdf(boolean clean, int parallel) {
        return new CommandContender(clean ? "OCRmyPDF --clean" : "OCRmyPDF", parallel, (in, pdf) -> {
            List<String> args = new ArrayList<>(List.of("ocrmypdf", "-q", "--rotate-pages", "--deskew"));
            if (clean) {
                args.add("--clean");
            }
            args.addAll(List.of("-l", "vie", "--jobs", "2", in.toString(), pdf.toString()));
            return args;
        });
    }

    /** Whether the peers run with SoHoa's GLIBC_TUNABLES too (BENCH_PEER_MALLOC=same) instead of glibc's own. */
    static boolean peersGetSohoaMalloc() {
        return "same".equals(System.getenv("BENCH_PEER_MALLOC"));
    }

    /** SoHoa's serial OpenMP library for the peers' Tesseract (BENCH_PEER_OPENMP=serial), else none: libgomp. */
    static java.util.Optional<Path> peersSerialOpenMp() {
        if (!"serial".equals(System.getenv("BENCH_PEER_OPENMP"))) {
            return java.util.Optional.empty();
        }
        vn.sohoa.pipeline.ocr.SerialOpenMp.install();
        return java.util.Optional.of(vn.sohoa.pipeline.ocr.SerialOpenMp.file().orElseThrow(() ->
                new IllegalStateException("BENCH_PEER_OPENMP=serial, but the serial OpenMP library is not built")));
    }

    /** SoHoa's libtesseract for the peers (BENCH_PEER_TESSERACT=sohoa: a folder for LD_LIBRARY_PATH), else none. */
    static java.util.Optional<Path> peersTesseract() {
        if (!"sohoa".equals(System.getenv("BENCH_PEER_TESSERACT"))) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(vn.sohoa.pipeline.ocr.TesseractLibrary.folderForProcesses().orElseThrow(() ->
                    new IllegalStateException("BENCH_PEER_TESSERACT=sohoa, but SoHoa's libtesseract is not built")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How the peers' environment differs from SoHoa's, for the tables' first line. */
    static String peersEnvironment() {
        return (peersGetSohoaMalloc() ? "the same malloc settings" : "glibc's own malloc tunables")
                + (peersTesseract().isPresent() ? ", SoHoa's libtesseract (no OpenMP)"
                        : ", Debian's libtesseract" + (peersSerialOpenMp().isPresent() ? " with SoHoa's serial OpenMP" : " with libgomp"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<Path, Path> run(List<Path> inputs, Path outDir) throws Exception {
        Files.createDirectories(outDir);
        Map<Path, Path> pdfs = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path input : inputs) {
                done.add(pool.submit(() -> {
                    Path pdf = outDir.resolve(SohoaContender.stem(input) + ".pdf");
                    if (execute(command.apply(input, pdf), outDir.resolve(SohoaContender.stem(input) + ".log"))
                            && Files.isRegularFile(pdf)) {
                        pdfs.put(input, pdf);
                    } else {
                        System.err.println(name + ": " + input.getFileName() + " failed, see "
                                + outDir.resolve(SohoaContender.stem(input) + ".log"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return pdfs;
    }

    private static boolean execute(List<String> commandLine, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        if (!peersGetSohoaMalloc()) {
            builder.environment().remove("GLIBC_TUNABLES");
        }
        builder.environment().remove("LD_PRELOAD");
        peersSerialOpenMp().ifPresent(library -> builder.environment().put("LD_PRELOAD", library.toString()));
        peersTesseract().ifPresent(folder -> builder.environment().put("LD_LIBRARY_PATH", folder.toString()));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
