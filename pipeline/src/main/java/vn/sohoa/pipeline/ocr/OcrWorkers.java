package vn.sohoa.pipeline.ocr;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A fixed set of threads, each with its own {@link TesseractEngine} (sharing one engine between threads
 * crashes the JVM). Page work is submitted as a function of the calling thread's engine.
 */
public final class OcrWorkers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OcrWorkers.class.getName());

    private final OcrSettings settings;
    private final int threads;
    private final Duration finishing;
    private final Duration interrupted;
    private final ExecutorService executor;
    private final ThreadLocal<TesseractEngine> engine;
    private final List<TesseractEngine> engines = new CopyOnWriteArrayList<>();

    public OcrWorkers(OcrSettings settings, int threads) {
        this(settings, threads, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    /** With the time {@link #close} gives the pages in hand, and then the interrupted ones. */
    OcrWorkers(OcrSettings settings, int threads, Duration finishing, Duration interrupted) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one OCR thread");
        }
        this.settings = settings;
        this.threads = threads;
        this.finishing = finishing;
        this.interrupted = interrupted;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "ocr-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
        this.engine = ThreadLocal.withInitial(() -> {
            TesseractEngine e = new TesseractEngine(this.settings);
            engines.add(e);
            return e;
        });
        prestart();
    }

    /**
     * Starts every thread's engine now (a model takes 135-400 ms to load), while the caller decodes its first
     * scan: each start waits for the others, so that each lands on a thread of its own. A start that fails
     * fails again, with its message, on the first page given to that thread.
     */
    private void prestart() {
        CyclicBarrier all = new CyclicBarrier(threads);
        for (int i = 0; i < threads; i++) {
            executor.submit(() -> {
                try {
                    engine.get();
                } finally {
                    all.await(30, TimeUnit.SECONDS);
                }
                return null;
            });
        }
    }

    /** One thread per available core. */
    public static OcrWorkers perCore(OcrSettings settings) {
        return new OcrWorkers(settings, Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    public <T> Future<T> submit(Function<TesseractEngine, T> work) {
        return executor.submit(() -> work.apply(engine.get()));
    }

    /**
     * Lets the pages in hand finish (60 s unless told otherwise), then interrupts the rest; an engine is ended only once its thread has
     * stopped, since ending one that is inside a recognition frees what that recognition is using. Engines whose
     * threads still read (a page within its OCR time limit) are left to the end of the process.
     */
    @Override
    public void close() {
        executor.shutdown();
        boolean stopped = awaitStop(finishing);
        if (!stopped) {
            executor.shutdownNow();
            stopped = awaitStop(interrupted);
        }
        if (!stopped) {
            LOG.warning("OCR threads still reading at close: their Tesseract engines are left to the process's exit");
            return;
        }
        engines.forEach(TesseractEngine::close);
        engines.clear();
    }

    private boolean awaitStop(Duration wait) {
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return executor.isTerminated();
        }
    }
}
