package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * periods run out keeps a working engine (ending it under the page would crash the JVM, failing the run);
 * and the engines of two threads work at once, the orientation engine of one beside the recognizer of the other.
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
    void twoThreadsDetectOrientationAndRecognizeAtOnce() throws Exception {
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT)
                .decode(SharedCorpus.file("robustness/tesseract/phototest.tif")).get(0);
        try (OcrWorkers workers = new OcrWorkers(OcrSettings.defaults().withLanguage("eng"), 2)) {
            List<Future<TesseractEngine.Orientation>> orientations = new ArrayList<>();
            List<Future<String>> texts = new ArrayList<>();
            // orientation (the OSD engine) on one thread while the other recognizes, three times over
            for (int i = 0; i < 3; i++) {
                orientations.add(workers.submit(engine -> engine.detectOrientation(page.image(), page.dpi()).orElseThrow()));
                texts.add(workers.submit(engine -> engine.recognize(1, page.image(), page.dpi()).text()));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(orientations.get(i).get(60, TimeUnit.SECONDS).degrees()).isZero();
                assertThat(texts.get(i).get(60, TimeUnit.SECONDS)).contains("quick brown dog");
            }
        }
    }
}
