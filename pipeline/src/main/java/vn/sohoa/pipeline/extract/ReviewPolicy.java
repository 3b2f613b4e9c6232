package vn.sohoa.pipeline.extract;

import java.util.List;
import java.util.Map;
import vn.sohoa.pipeline.classify.DocumentKind;
import vn.sohoa.pipeline.classify.DocumentKind.Family;
import vn.sohoa.pipeline.classify.DocumentType;

/**
 * When a person must look at a document: its type is unsure (below {@code typeThreshold}; an unsure answer is
 * khac at 0), a field is
 * below its threshold, or a field its kind always carries was not read (an administrative document without
 * its số ký hiệu and date, an application without the applicant's name).
 */
public record ReviewPolicy(double typeThreshold, double fieldThreshold, Map<String, Double> fieldThresholds) {

    public ReviewPolicy {
        fieldThresholds = Map.copyOf(fieldThresholds);
    }

    /** The thresholds the benchmark measured: above them a field is wrong well under 1 % of the time. */
    public static ReviewPolicy defaults(double threshold) {
        return new ReviewPolicy(threshold, threshold, Map.of());
    }

    public double thresholdOf(String field) {
        return fieldThresholds.getOrDefault(field, fieldThreshold);
    }

    public boolean isSure(Field field) {
        return field.confidence() >= thresholdOf(field.name());
    }

    public boolean needsReview(DocumentType type, Map<String, Field> fields) {
        if (type.confidence() < typeThreshold) {
            return true;
        }
        if (fields.values().stream().anyMatch(f -> !isSure(f))) {
            return true;
        }
        return required(type.code()).stream().anyMatch(name -> !fields.containsKey(name));
    }

    static List<String> required(String typeCode) {
        Family family = DocumentKind.ofCode(typeCode).map(DocumentKind::family).orElse(Family.OTHER);
        return switch (family) {
            case ADMINISTRATIVE -> List.of("so_ky_hieu", "ngay_ban_hanh");
            case APPLICATION, CARD -> List.of("ho_ten");
            default -> List.of();
        };
    }
}
