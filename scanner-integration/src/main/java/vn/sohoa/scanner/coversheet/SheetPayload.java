package vn.sohoa.scanner.coversheet;

import java.util.Optional;
import vn.sohoa.pipeline.Identifier;

/**
 * The text inside the QR codes of SoHoa's sheets.
 *
 * <ul>
 *   <li>cover sheet: {@code SOHOA:DOSSIER:<dossier code>}, e.g. {@code SOHOA:DOSSIER:000.00.20.H56-230515-0001}</li>
 *   <li>separator sheet: {@code SOHOA:SEPARATOR}</li>
 * </ul>
 *
 * The prefix keeps a sheet from being mistaken for any other code on a page (a verification QR on a
 * decision, a citizen-ID QR on a form), and the dossier code after it is kept exactly as issued; a code that
 * is not an {@link Identifier#DOSSIER_CODE} is not read as a cover sheet, so no sheet can name a path.
 */
public final class SheetPayload {

    public static final String DOSSIER_PREFIX = "SOHOA:DOSSIER:";
    public static final String SEPARATOR = "SOHOA:SEPARATOR";

    private SheetPayload() {
    }

    /** The QR text of a cover sheet for {@code dossierCode}. */
    public static String forDossier(String dossierCode) {
        return DOSSIER_PREFIX + checkedCode(dossierCode);
    }

    /** The marker a SoHoa sheet's QR text stands for, or empty when the text is not one of ours. */
    public static Optional<PageMarker> read(String qrText) {
        String text = qrText.strip();
        if (text.equals(SEPARATOR)) {
            return Optional.of(PageMarker.separator());
        }
        if (text.startsWith(DOSSIER_PREFIX)) {
            String code = text.substring(DOSSIER_PREFIX.length());
            if (Identifier.DOSSIER_CODE.isValid(code)) {
                return Optional.of(PageMarker.coverSheet(code));
            }
        }
        return Optional.empty();
    }

    /** The code itself; an {@link Identifier.InvalidIdentifierException} when it could not go on a sheet. */
    static String checkedCode(String dossierCode) {
        return Identifier.DOSSIER_CODE.check(dossierCode);
    }
}
