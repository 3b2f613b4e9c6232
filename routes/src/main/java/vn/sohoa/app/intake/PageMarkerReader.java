package vn.sohoa.app.intake;

import java.awt.image.BufferedImage;
import vn.sohoa.pipeline.cleanup.BlankPageDetector;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.ocr.GreyImages;
import vn.sohoa.scanner.coversheet.PageMarker;
import vn.sohoa.scanner.coversheet.SheetDetector;

/**
 * What a decoded page says about where it belongs: a cover sheet, a separator sheet, a receipt with a
 * plain dossier code, a blank page, or an ordinary page. Reads the QR codes first, then looks for ink.
 */
public final class PageMarkerReader {

    private final SheetDetector sheets;
    private final BlankPageDetector blank = new BlankPageDetector();

    public PageMarkerReader(SheetDetector sheets) {
        this.sheets = sheets;
    }

    /** SoHoa sheets and plain dossier codes such as the one-stop receipt's. */
    public static PageMarkerReader standard() {
        return new PageMarkerReader(new SheetDetector());
    }

    public PageMarker read(PageImage page) {
        PageMarker marker = sheets.detect(page.image());
        if (marker instanceof PageMarker.Content) {
            BufferedImage grey = GreyImages.toGrey(page.image());
            return new PageMarker.Content(blank.isBlank(grey));
        }
        return marker;
    }
}
