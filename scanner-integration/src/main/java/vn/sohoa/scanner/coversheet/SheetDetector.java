package vn.sohoa.scanner.coversheet;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.sohoa.pipeline.Identifier;

/**
 * Tells from a scanned page whether it is a SoHoa cover sheet, a separator sheet, a page carrying a
 * plain dossier code (the one-stop receipt), or an ordinary page.
 *
 * <p>Works on grey, colour or bilevel pages from 150 to 300 dpi, upright or upside down and slightly
 * skewed: QR codes read at any rotation, and 1D barcodes are tried across and along the page. A page
 * is read at full size first, then halved (which smooths scanner noise and halftone), then with a
 * global threshold (faint or uneven prints).
 *
 * <p>A plain code is only taken as a dossier code when it matches {@link #plainCodePattern()}, so a
 * verification link on a decision, the QR code of a citizen ID card or a postal barcode on a
 * content page do not start a new dossier.
 */
public final class SheetDetector {

    /**
     * Dossier codes as one-stop systems issue them: letters and digits in at least three groups joined
     * by {@code . - _}, e.g. {@code 000.00.20.H56-230515-0001} or {@code G22.46-230525-0007}; a plain code is
     * also taken only when it is an {@link Identifier#DOSSIER_CODE} (at most 100 characters).
     */
    public static final Pattern DEFAULT_PLAIN_CODE = Pattern.compile("[A-Za-z0-9]+(?:[.\\-_][A-Za-z0-9]+){2,}");

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.CHARACTER_SET, "UTF-8",
            DecodeHintType.POSSIBLE_FORMATS, EnumSet.of(BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX,
                    BarcodeFormat.CODE_128, BarcodeFormat.CODE_39));

    private final Optional<Pattern> plainCode;

    /** Reads SoHoa sheets and plain dossier codes matching {@link #DEFAULT_PLAIN_CODE}. */
    public SheetDetector() {
        this(DEFAULT_PLAIN_CODE);
    }

    /** Reads SoHoa sheets and plain dossier codes matching {@code plainDossierCode} (whole text). */
    public SheetDetector(Pattern plainDossierCode) {
        this.plainCode = Optional.of(plainDossierCode);
    }

    private SheetDetector(Optional<Pattern> plainCode) {
        this.plainCode = plainCode;
    }

    /** Reads SoHoa cover and separator sheets only; any other code leaves a page content. */
    public static SheetDetector sohoaSheetsOnly() {
        return new SheetDetector(Optional.empty());
    }

    public Optional<Pattern> plainCodePattern() {
        return plainCode;
    }

    /** What the page is: {@code Cover}, {@code Separator} or {@code Content(blank=false)}. */
    public PageMarker detect(BufferedImage page) {
        List<Function<BufferedImage, BinaryBitmap>> attempts = List.of(
                image -> new BinaryBitmap(new HybridBinarizer(luminance(image))),
                image -> new BinaryBitmap(new HybridBinarizer(luminance(halved(image)))),
                image -> new BinaryBitmap(new GlobalHistogramBinarizer(luminance(image))));
        for (Function<BufferedImage, BinaryBitmap> attempt : attempts) {
            Optional<PageMarker> marker = markerIn(codesOn(attempt.apply(page)));
            if (marker.isPresent()) {
                return marker.get();
            }
        }
        return PageMarker.content();
    }

    /** All the texts of the codes ZXing finds on one binarized page. */
    private static List<String> codesOn(BinaryBitmap bitmap) {
        try {
            Result[] results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, HINTS);
            List<String> texts = new ArrayList<>();
            for (Result result : results) {
                texts.add(result.getText());
            }
            return texts;
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    /** A SoHoa sheet wins over a plain code found on the same page. */
    private Optional<PageMarker> markerIn(List<String> texts) {
        for (String text : texts) {
            Optional<PageMarker> sheet = SheetPayload.read(text);
            if (sheet.isPresent()) {
                return sheet;
            }
        }
        if (plainCode.isPresent()) {
            for (String text : texts) {
                String code = text.strip();
                if (plainCode.get().matcher(code).matches() && Identifier.DOSSIER_CODE.isValid(code)) {
                    return Optional.of(PageMarker.receipt(code));
                }
            }
        }
        return Optional.empty();
    }

    private static LuminanceSource luminance(BufferedImage image) {
        return new BufferedImageLuminanceSource(image);
    }

    private static BufferedImage halved(BufferedImage image) {
        int width = Math.max(1, image.getWidth() / 2);
        int height = Math.max(1, image.getHeight() / 2);
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return small;
    }
}
