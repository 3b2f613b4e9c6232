package vn.sohoa.models.render;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Kinds of administrative document (Nghị định 30/2020, appendix III), with the title printed on the page,
 * the abbreviation used in the số ký hiệu and a stable code for evaluation manifests.
 */
public enum DocumentType {
    NGHI_QUYET("NGHỊ QUYẾT", "NQ", "nghi_quyet"),
    NGHI_DINH("NGHỊ ĐỊNH", "NĐ", "nghi_dinh"),
    QUYET_DINH("QUYẾT ĐỊNH", "QĐ", "quyet_dinh"),
    THONG_TU("THÔNG TƯ", "TT", "thong_tu"),
    LUAT("LUẬT", "", "luat"),
    CHI_THI("CHỈ THỊ", "CT", "chi_thi"),
    THONG_BAO("THÔNG BÁO", "TB", "thong_bao"),
    HUONG_DAN("HƯỚNG DẪN", "HD", "huong_dan"),
    KE_HOACH("KẾ HOẠCH", "KH", "ke_hoach"),
    BAO_CAO("BÁO CÁO", "BC", "bao_cao"),
    BIEN_BAN("BIÊN BẢN", "BB", "bien_ban"),
    TO_TRINH("TỜ TRÌNH", "TTr", "to_trinh"),
    /** Official letter: no type title, the subject is printed under the số ký hiệu as "V/v ...". */
    CONG_VAN(null, "", "cong_van");

    private final String title;
    private final String abbreviation;
    private final String code;

    DocumentType(String title, String abbreviation, String code) {
        this.title = title;
        this.abbreviation = abbreviation;
        this.code = code;
    }

    /** The centred capital title ("QUYẾT ĐỊNH"); empty for a công văn. */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** Abbreviation in the số ký hiệu ("QĐ" in "1437/QĐ-UBND"); empty when the type has none. */
    public String abbreviation() {
        return abbreviation;
    }

    /** Stable snake_case code used in manifests ("quyet_dinh"). */
    public String code() {
        return code;
    }

    /** The type whose title is exactly {@code line} (ignoring case, spacing and Unicode form), if any. */
    public static Optional<DocumentType> fromTitle(String line) {
        String wanted = Normalizer.normalize(line.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC)
                .toUpperCase(Locale.ROOT);
        for (DocumentType type : values()) {
            if (type.title != null && type.title.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
