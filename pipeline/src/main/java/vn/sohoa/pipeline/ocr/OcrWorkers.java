package vn.sohoa.pipeline.ocr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fixed set of threads, each with its own {@link TesseractEngine} (sharing one engine between threads
 * crashes the JVM). Page work is submitted as a function of the calling thread's engine.
 */
public final class OcrWorkers implements AutoCloseable {

    private final OcrSettings settings;
    private final int threads;
    private final ExecutorService executor;
    private final ThreadLocal<TesseractEngine> engine;
    private final List<TesseractEngine> engines = new CopyOnWriteArrayList<>();

    public OcrWorkers(OcrSettings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one OCR thread");
        }
        this.settings = settings;
        this.threads = threads;
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
        java.util.concurrent.CyclicBarrier all = new java.util.concurrent.CyclicBarrier(threads);
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

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        engines.forEach(TesseractEngine::close);
        engines.clear();
    }
}
