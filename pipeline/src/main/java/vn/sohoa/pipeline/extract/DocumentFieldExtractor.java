package vn.sohoa.pipeline.extract;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.sohoa.pipeline.classify.DocumentKind;
import vn.sohoa.pipeline.classify.DocumentKind.Family;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * The fields of one document, read by the extractors its kind calls for: the header and the signature block
 * of administrative documents and certificates, the "label: value" lines of applications, certificates, cards
 * and contracts. Fields that check each other are then compared: a personal ID that encodes the birth year and
 * gender read beside it is confirmed, one that contradicts them loses confidence.
 */
public final class DocumentFieldExtractor {

    private final HeaderFieldExtractor header = new HeaderFieldExtractor();
    private final SignatureFieldExtractor signature = new SignatureFieldExtractor();
    private final LabelledFieldExtractor labelled = new LabelledFieldExtractor();

    public Map<String, Field> extract(String typeCode, List<OcrPage> pages) {
        Family family = DocumentKind.ofCode(typeCode).map(DocumentKind::family).orElse(Family.OTHER);
        Map<String, Field> fields = new LinkedHashMap<>();
        switch (family) {
            case ADMINISTRATIVE, OTHER -> {
                fields.putAll(header.extract(pages));
                fields.putAll(signature.extract(pages));
            }
            case CERTIFICATE, CONTRACT -> {
                header.extract(pages).forEach((name, field) -> {
                    if (!name.equals("trich_yeu")) {
                        fields.put(name, field);
                    }
                });
                labelled.extract(pages).forEach(fields::putIfAbsent);
                signature.extract(pages).forEach(fields::putIfAbsent);
            }
            case APPLICATION -> {
                labelled.extract(pages).forEach(fields::putIfAbsent);
                signature.extract(pages).forEach((name, field) -> {
                    if (name.equals("nguoi_ky")) {
                        fields.putIfAbsent(name, field);
                    }
                });
                Field date = header.extract(pages).get("ngay_ban_hanh");
                if (date != null) {
                    fields.put("ngay_ban_hanh", date);
                }
            }
            case CARD -> fields.putAll(labelled.extract(pages));
        }
        return crossChecked(fields);
    }

    /** The personal ID against the birth date and gender read beside it. */
    static Map<String, Field> crossChecked(Map<String, Field> fields) {
        Field id = fields.get("so_dinh_danh");
        if (id == null) {
            return fields;
        }
        Field birth = fields.get("ngay_sinh");
        Field gender = fields.get("gioi_tinh");
        boolean checked = false;
        boolean contradicted = false;
        if (birth != null) {
            boolean agrees = PersonalIdValidator.agreesWith(id.value(), LocalDate.parse(birth.value()));
            checked |= agrees;
            contradicted |= !agrees;
        }
        if (gender != null) {
            boolean agrees = PersonalIdValidator.agreesWith(id.value(), gender.value());
            checked |= agrees;
            contradicted |= !agrees;
        }
        Map<String, Field> result = new LinkedHashMap<>(fields);
        if (contradicted) {
            result.put("so_dinh_danh", id.withConfidence(id.confidence() * Validation.CONTRADICTED.confidence(1, false)));
            if (birth != null) {
                result.put("ngay_sinh", birth.withConfidence(birth.confidence() * 0.7));
            }
        } else if (checked) {
            result.put("so_dinh_danh", id.withConfidence(Math.min(1, id.confidence() / Validation.VALID.confidence(1, false))));
        }
        return result;
    }
}
