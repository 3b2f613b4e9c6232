package vn.sohoa.pipeline.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of document SoHoa tells apart, each with its stable code, the title printed on it (without marks,
 * upper case, as {@link vn.sohoa.pipeline.extract.Diacritics#fold} gives it) and the family that decides
 * which fields it has. {@link #KHAC} is everything else, and the answer when the classifier is unsure.
 */
public enum DocumentKind {
    QUYET_DINH("quyet_dinh", Family.ADMINISTRATIVE, "QUYET DINH"),
    BAO_CAO("bao_cao", Family.ADMINISTRATIVE, "BAO CAO"),
    TO_TRINH("to_trinh", Family.ADMINISTRATIVE, "TO TRINH"),
    CONG_VAN("cong_van", Family.ADMINISTRATIVE),
    THONG_BAO("thong_bao", Family.ADMINISTRATIVE, "THONG BAO"),
    KE_HOACH("ke_hoach", Family.ADMINISTRATIVE, "KE HOACH"),
    BIEN_BAN("bien_ban", Family.ADMINISTRATIVE, "BIEN BAN"),
    GIAY_XAC_NHAN("giay_xac_nhan", Family.CERTIFICATE, "GIAY XAC NHAN"),
    GIAY_CHUNG_NHAN("giay_chung_nhan", Family.CERTIFICATE, "GIAY CHUNG NHAN"),
    GIAY_PHEP("giay_phep", Family.CERTIFICATE, "GIAY PHEP"),
    GIAY_KHAI_SINH("giay_khai_sinh", Family.CERTIFICATE, "GIAY KHAI SINH"),
    DON_DE_NGHI("don_de_nghi", Family.APPLICATION, "DON DE NGHI", "DON XIN", "DON DANG KY"),
    TO_KHAI("to_khai", Family.APPLICATION, "TO KHAI"),
    CCCD("cccd", Family.CARD, "CAN CUOC CONG DAN", "CAN CUOC"),
    HOP_DONG("hop_dong", Family.CONTRACT, "HOP DONG"),
    /** Anything else; some titles are known to be neither of the above (nghị định, thông tư, ...). */
    KHAC("khac", Family.OTHER, "NGHI QUYET", "NGHI DINH", "THONG TU", "LUAT", "CHI THI", "HUONG DAN", "CONG DIEN",
            "GIAY MOI", "GIAY UY QUYEN", "GIAY GIOI THIEU", "QUY CHE", "QUY DINH");

    /** Which fields a kind of document carries. */
    public enum Family { ADMINISTRATIVE, CERTIFICATE, APPLICATION, CARD, CONTRACT, OTHER }

    private final String code;
    private final Family family;
    private final List<String> titles;

    DocumentKind(String code, Family family, String... titles) {
        this.code = code;
        this.family = family;
        this.titles = List.of(titles);
    }

    public String code() {
        return code;
    }

    public Family family() {
        return family;
    }

    /** Titles as printed, without marks, in capitals; empty for a công văn, which has no title. */
    public List<String> titles() {
        return titles;
    }

    public static Optional<DocumentKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
