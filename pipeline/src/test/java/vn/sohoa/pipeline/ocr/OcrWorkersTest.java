package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * Closing the workers never ends an engine its thread is still using: a page still in hand when the grace
 * periods run out keeps a working engine (ending it under the page would crash the JVM, failing the run).
 */
class OcrWorkersTest {

    @Test
    void anEngineStillInUseAtCloseIsNotEnded() throws Exception {
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT)
                .decode(SharedCorpus.file("robustness/tesseract/phototest.tif")).get(0);
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        OcrWorkers workers = new OcrWorkers(OcrSettings.defaults().withLanguage("eng"), 1,
                Duration.ofMillis(200), Duration.ofMillis(200));
        Future<String> text = workers.submit(engine -> {
            started.countDown();
            // holds its engine past both grace periods, ignoring the interrupt as a native recognition does
            while (true) {
                try {
                    if (closed.await(30, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    // a recognition inside Tesseract does not see the interrupt either
                }
            }
            return engine.recognize(1, page.image(), page.dpi()).text();
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        workers.close();
        closed.countDown();
        assertThat(text.get(60, TimeUnit.SECONDS)).contains("quick brown dog");
    }

    @Test
    void everyThreadReadsWithAnEngineStartedBeforeTheFirstPage() throws Exception {
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT)
                .decode(SharedCorpus.file("robustness/tesseract/phototest.tif")).get(0);
        try (OcrWorkers workers = new OcrWorkers(OcrSettings.defaults().withLanguage("eng"), 2)) {
            Future<TesseractEngine.Orientation> first = workers.submit(engine -> engine.detectOrientation(page.image(), page.dpi()).orElseThrow());
            Future<String> second = workers.submit(engine -> engine.recognize(1, page.image(), page.dpi()).text());
            assertThat(first.get(60, TimeUnit.SECONDS).degrees()).isZero();
            assertThat(second.get(60, TimeUnit.SECONDS)).contains("quick brown dog");
        }
    }
}
