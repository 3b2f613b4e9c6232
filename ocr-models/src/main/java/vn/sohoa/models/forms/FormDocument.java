package vn.sohoa.models.forms;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A citizen's form, certificate, contract or card as printed, and the fields a reader should get from it.
 *
 * @param id             stable identifier ("don_de_nghi-000042")
 * @param typeCode       the document type's stable code ("don_de_nghi", "giay_khai_sinh", ...)
 * @param issuerLines    issuing body for the two-column header of a result ("ỦY BAN NHÂN DÂN", "XÃ MAI HÓA");
 *                       empty for a citizen's form, whose motto is centred
 * @param codeNotation   số ký hiệu printed under the issuer, without "Số: "; empty when there is none
 * @param headerDate     place and date in the header's right column; empty when the date is signed at the bottom
 * @param titleLines     the title in capitals, one printed line each
 * @param bodyLines      the body, one paragraph each, mostly "label: value" lines
 * @param signedDate     place and date above the signature ("Mai Hóa, ngày 05 tháng 02 năm 2024"); may be empty
 * @param signatureLines what is printed above the signature ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH" or "NGƯỜI ĐỀ NGHỊ")
 * @param signerName     the name under the signature
 * @param fields         expected field values, normalized as the pipeline gives them (ISO dates, "nam"/"nu")
 */
public record FormDocument(String id, String typeCode, List<String> issuerLines, String codeNotation, String headerDate,
                           List<String> titleLines, List<String> bodyLines, String signedDate,
                           List<String> signatureLines, String signerName, Map<String, String> fields) {

    public FormDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(typeCode, "typeCode");
        issuerLines = List.copyOf(issuerLines);
        Objects.requireNonNull(codeNotation, "codeNotation");
        Objects.requireNonNull(headerDate, "headerDate");
        titleLines = List.copyOf(titleLines);
        bodyLines = List.copyOf(bodyLines);
        Objects.requireNonNull(signedDate, "signedDate");
        signatureLines = List.copyOf(signatureLines);
        Objects.requireNonNull(signerName, "signerName");
        fields = Map.copyOf(fields);
    }

    /** Everything printed, in reading order, one line per block: the text a type model is trained on. */
    public String text() {
        StringBuilder out = new StringBuilder();
        issuerLines.forEach(l -> out.append(l).append('\n'));
        if (!codeNotation.isEmpty()) {
            out.append("Số: ").append(codeNotation).append('\n');
        }
        out.append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n");
        if (!headerDate.isEmpty()) {
            out.append(headerDate).append('\n');
        }
        titleLines.forEach(l -> out.append(l).append('\n'));
        bodyLines.forEach(l -> out.append(l).append('\n'));
        if (!signedDate.isEmpty()) {
            out.append(signedDate).append('\n');
        }
        signatureLines.forEach(l -> out.append(l).append('\n'));
        return out.append(signerName).toString();
    }
}
