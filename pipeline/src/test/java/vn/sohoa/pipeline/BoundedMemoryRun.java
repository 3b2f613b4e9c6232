package vn.sohoa.pipeline;

import java.nio.file.Path;
import java.util.List;
import vn.sohoa.pipeline.intake.PageImage;

/**
 * The child JVM of {@link BoundedMemoryTest}: {@code digitize TIFF PDF} takes a scan through the path
 * {@code sohoa ocr} takes ({@link Digitizer#digitize}) on one OCR engine; {@code decode-all TIFF} holds every
 * decoded page at once, the control that must run out of the same heap.
 */
public final class BoundedMemoryRun {

    private BoundedMemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        Path scan = Path.of(args[1]);
        if (args[0].equals("decode-all")) {
            List<PageImage> pages = new Digitizer(DigitizerSettings.defaults().withOcrThreads(1)).decode(Scan.of(scan));
            System.out.println("decoded " + pages.size() + " pages");
            return;
        }
        try (Digitizer digitizer = new Digitizer(DigitizerSettings.defaults().withOcrThreads(1))) {
            DigitizedDocument document = digitizer.digitize(Scan.of(scan), Path.of(args[2]));
            System.out.println("digitized " + document.pageCount() + " pages, " + digitizer.pagesDecoded() + " decoded");
        }
    }
}
