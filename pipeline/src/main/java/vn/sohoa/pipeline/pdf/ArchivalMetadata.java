package vn.sohoa.pipeline.pdf;

import java.time.LocalDate;

/**
 * What the archive records about one digitized document (Nghị định 30/2020, appendix VI, per document),
 * plus SoHoa's own provenance. Every value may be null when it was not read; the PDF then leaves it out.
 *
 * @param title          the archive copy's title
 * @param organName      the issuing body (cơ quan ban hành), also the PDF's author
 * @param typeName       the type of document as people name it ("Quyết định")
 * @param code           số và ký hiệu, split into CodeNumber and CodeNotation
 * @param issuedDate     ngày ban hành
 * @param subject        trích yếu
 * @param pageAmount     number of pages; the PDF writer sets it to the pages it writes
 * @param signerPosition chức vụ người ký ("Chủ tịch")
 * @param signerName     họ tên người ký
 * @param documentType   SoHoa's stable type code (quyet_dinh, cong_van, ...)
 * @param dossierCode    mã hồ sơ of the one-stop system
 * @param originalSha256 SHA-256 of the original scan, hex
 * @param originalName   file name of the original scan
 */
public record ArchivalMetadata(String title, String organName, String typeName, CodeNotation code,
                               LocalDate issuedDate, String subject, Integer pageAmount, String signerPosition,
                               String signerName, String documentType, String dossierCode, String originalSha256,
                               String originalName) {

    public ArchivalMetadata withPageAmount(int pages) {
        return new ArchivalMetadata(title, organName, typeName, code, issuedDate, subject, pages, signerPosition,
                signerName, documentType, dossierCode, originalSha256, originalName);
    }
}
