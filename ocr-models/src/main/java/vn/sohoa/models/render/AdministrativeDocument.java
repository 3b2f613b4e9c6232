package vn.sohoa.models.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The content of one Vietnamese administrative document, as it is printed (Nghị định 30/2020, appendix I).
 *
 * @param id              stable identifier, e.g. the corpus file stem or "synthetic-000042"
 * @param issuerLines     issuing body, one printed line each ("ỦY BAN NHÂN DÂN", "HUYỆN TUYÊN HÓA")
 * @param codeNotation    số ký hiệu without the "Số:" label ("1437/QĐ-UBND")
 * @param place           place of issue as printed before the date ("Tuyên Hóa")
 * @param issueDate       date of issue
 * @param type            kind of document; {@link DocumentType#CONG_VAN} prints no title
 * @param subject         trích yếu as printed; for a công văn it starts with "V/v "
 * @param bodyParagraphs  body, one paragraph each, in order
 * @param authorityLines  signing authority lines before the title ("TM. ỦY BAN NHÂN DÂN"); may be empty
 * @param signerTitle     signer's position ("CHỦ TỊCH")
 * @param signerName      signer's full name ("Nguyễn Văn An")
 */
public record AdministrativeDocument(
        String id,
        List<String> issuerLines,
        String codeNotation,
        String place,
        LocalDate issueDate,
        DocumentType type,
        String subject,
        List<String> bodyParagraphs,
        List<String> authorityLines,
        String signerTitle,
        String signerName) {

    public AdministrativeDocument {
        Objects.requireNonNull(id, "id");
        issuerLines = List.copyOf(issuerLines);
        Objects.requireNonNull(codeNotation, "codeNotation");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        bodyParagraphs = List.copyOf(bodyParagraphs);
        authorityLines = List.copyOf(authorityLines);
        Objects.requireNonNull(signerTitle, "signerTitle");
        Objects.requireNonNull(signerName, "signerName");
        if (issuerLines.isEmpty()) {
            throw new IllegalArgumentException("document " + id + " has no issuing body");
        }
    }

    /** The issuing body on one line ("ỦY BAN NHÂN DÂN HUYỆN TUYÊN HÓA"). */
    public String issuer() {
        return String.join(" ", issuerLines);
    }

    /** The printed date line in the header's right column ("Tuyên Hóa, ngày 05 tháng 02 năm 2023"). */
    public String placeAndDate() {
        int day = issueDate.getDayOfMonth();
        int month = issueDate.getMonthValue();
        // ND 30/2020: days below 10 and months 1 and 2 take a leading zero
        String dd = day < 10 ? "0" + day : Integer.toString(day);
        String mm = month < 3 ? "0" + month : Integer.toString(month);
        return place + ", ngày " + dd + " tháng " + mm + " năm " + issueDate.getYear();
    }

    /** The same document with at most {@code maxCharacters} of body, cut at a paragraph boundary (at least one paragraph kept). */
    public AdministrativeDocument withBodyLimitedTo(int maxCharacters) {
        int total = 0;
        int keep = 0;
        for (String paragraph : bodyParagraphs) {
            if (keep > 0 && total + paragraph.length() > maxCharacters) {
                break;
            }
            total += paragraph.length();
            keep++;
        }
        return new AdministrativeDocument(id, issuerLines, codeNotation, place, issueDate, type, subject,
                bodyParagraphs.subList(0, keep), authorityLines, signerTitle, signerName);
    }
}
