package vn.sohoa.models.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates plausible district- and commune-level administrative documents from a seed: the same seed always
 * gives the same document. Covers quyết định, báo cáo, thông báo, tờ trình, kế hoạch, nghị quyết, chỉ thị,
 * hướng dẫn, biên bản and công văn, with Vietnamese names, communes and districts.
 */
public final class SyntheticDocumentGenerator {

    /** District, its province, and some of its communes. */
    private record District(String name, String kind, String province, List<String> communes) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("Tuyên Hóa", "HUYỆN", "Quảng Bình", List.of("Thạch Hóa", "Đồng Hóa", "Tiến Hóa", "Mai Hóa")),
            new District("Lệ Thủy", "HUYỆN", "Quảng Bình", List.of("Sen Thủy", "Hưng Thủy", "Ngư Thủy", "Mỹ Thủy")),
            new District("Bố Trạch", "HUYỆN", "Quảng Bình", List.of("Hưng Trạch", "Phúc Trạch", "Đức Trạch")),
            new District("Ba Đồn", "THỊ XÃ", "Quảng Bình", List.of("Quảng Thọ", "Quảng Hải", "Quảng Lộc")),
            new District("Hương Khê", "HUYỆN", "Hà Tĩnh", List.of("Phương Điền", "Hương Trà", "Lộc Yên")),
            new District("Đức Thọ", "HUYỆN", "Hà Tĩnh", List.of("Tùng Ảnh", "Yên Hồ", "Lâm Trung Thủy")),
            new District("Nghĩa Hưng", "HUYỆN", "Nam Định", List.of("Nghĩa Lạc", "Nghĩa Phong", "Phúc Thắng")),
            new District("Yên Thế", "HUYỆN", "Bắc Giang", List.of("Đồng Vương", "Tân Sỏi", "Bố Hạ")),
            new District("Mường Tè", "HUYỆN", "Lai Châu", List.of("Mù Cả", "Bum Nưa", "Kan Hồ")),
            new District("Châu Thành", "HUYỆN", "Đồng Tháp", List.of("An Hiệp", "Tân Nhuận Đông", "Phú Hựu")));

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lữ", "Trương"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân",
        "Thị Thu", "Văn Thường", "Đình"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hùng", "Hương", "Lan", "Long", "Nam",
        "Phượng", "Quang", "Sơn", "Thắng", "Thủy", "Trung", "Tuấn", "Việt", "Yến", "Hải", "Lực", "Ưng", "Lượng",
        "Trữ", "Nhặt", "Ngữ", "Đạt"};

    private static final DocumentType[] TYPES = {
        DocumentType.QUYET_DINH, DocumentType.QUYET_DINH, DocumentType.QUYET_DINH, DocumentType.CONG_VAN,
        DocumentType.CONG_VAN, DocumentType.BAO_CAO, DocumentType.THONG_BAO, DocumentType.TO_TRINH,
        DocumentType.KE_HOACH, DocumentType.NGHI_QUYET, DocumentType.CHI_THI, DocumentType.HUONG_DAN,
        DocumentType.BIEN_BAN};

    private static final String[] TOPICS = {
        "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "tiếp nhận và trả kết quả giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
        "cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân",
        "cải cách hành chính và chuyển đổi số",
        "phòng, chống thiên tai và tìm kiếm cứu nạn",
        "xây dựng nông thôn mới nâng cao",
        "thu ngân sách nhà nước trên địa bàn",
        "chỉnh lý tài liệu lưu trữ tồn đọng",
        "cung cấp dịch vụ công trực tuyến toàn trình",
        "bảo vệ môi trường và thu gom rác thải sinh hoạt"};

    private static final String[] FILLER = {
        "Các cơ quan, đơn vị tổ chức quán triệt đầy đủ nội dung đến toàn thể cán bộ, công chức, viên chức và người lao động; xác định rõ trách nhiệm của người đứng đầu trong việc chỉ đạo, tổ chức thực hiện.",
        "Bộ phận Tiếp nhận và Trả kết quả thực hiện số hóa đầy đủ thành phần hồ sơ ngay khi tiếp nhận; kết quả giải quyết được ký số và lưu trữ trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Văn phòng Hội đồng nhân dân và Ủy ban nhân dân để tổng hợp, báo cáo xem xét, giải quyết.",
        "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác theo quy định của pháp luật.",
        "Định kỳ hằng quý, trước ngày 15 của tháng cuối quý, các đơn vị báo cáo kết quả thực hiện về Phòng Nội vụ để tổng hợp, tham mưu Ủy ban nhân dân báo cáo cấp trên theo quy định.",
        "Tăng cường công tác kiểm tra, giám sát việc thực hiện; kịp thời biểu dương các tập thể, cá nhân có thành tích, chấn chỉnh các tập thể, cá nhân chậm trễ, gây phiền hà cho người dân, doanh nghiệp.",
        "Đẩy mạnh tuyên truyền để người dân, doanh nghiệp biết, sử dụng dịch vụ công trực tuyến, thanh toán trực tuyến phí, lệ phí và nhận kết quả bản điện tử, hạn chế đi lại, giảm chi phí thời gian.",
        "Rà soát, cập nhật đầy đủ dữ liệu vào Cơ sở dữ liệu quốc gia về dân cư, bảo đảm dữ liệu đúng, đủ, sạch, sống; khai thác, tái sử dụng dữ liệu đã được số hóa, không yêu cầu công dân nộp lại giấy tờ."};

    private SyntheticDocumentGenerator() {
    }

    /** A Vietnamese full name drawn from {@code random}. */
    public static String personName(Random random) {
        return pick(random, FAMILY) + " " + pick(random, MIDDLE) + " " + pick(random, GIVEN);
    }

    /** The document for {@code seed}; its id is "synthetic-" and the seed. */
    public static AdministrativeDocument generate(long seed) {
        Random random = new Random(seed);
        DocumentType type = TYPES[random.nextInt(TYPES.length)];
        District district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
        boolean commune = random.nextInt(4) == 0;
        String commune1 = district.communes().get(random.nextInt(district.communes().size()));
        String localName = commune ? commune1 : district.name();
        String localKind = commune ? "XÃ" : district.kind();
        String localKindLower = localKind.toLowerCase(Locale.ROOT);
        boolean council = type == DocumentType.NGHI_QUYET;

        List<String> issuer = List.of(council ? "HỘI ĐỒNG NHÂN DÂN" : "ỦY BAN NHÂN DÂN",
                localKind + " " + localName.toUpperCase(Locale.ROOT));
        String body = council ? "HĐND" : "UBND";
        int number = 1 + (int) (Math.pow(random.nextDouble(), 2) * 2400);
        String numberText = number < 10 ? "0" + number : Integer.toString(number);
        String code = type == DocumentType.CONG_VAN
                ? numberText + "/UBND-" + pick(random, new String[] {"VP", "NV", "TNMT", "TCKH", "VHTT"})
                : numberText + "/" + type.abbreviation() + "-" + body;
        LocalDate date = LocalDate.of(2019 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String topic = pick(random, TOPICS);
        String where = localKindLower + " " + localName;
        String year = Integer.toString(date.getYear());

        boolean deputy = random.nextInt(3) == 0;
        String chair = "CHỦ TỊCH";
        List<String> authority = deputy ? List.of("KT. " + chair)
                : List.of(council ? "TM. HỘI ĐỒNG NHÂN DÂN" : "TM. ỦY BAN NHÂN DÂN");
        String title = deputy ? "PHÓ " + chair : chair;
        if (type == DocumentType.TO_TRINH || type == DocumentType.BIEN_BAN) {
            authority = List.of();
            title = type == DocumentType.BIEN_BAN ? "THƯ KÝ" : "TRƯỞNG PHÒNG NỘI VỤ";
        }

        String subject;
        List<String> paragraphs = new ArrayList<>();
        String ubnd = "Ủy ban nhân dân " + where;
        switch (type) {
            case QUYET_DINH -> {
                subject = "Về việc phê duyệt Kế hoạch " + topic + " năm " + year;
                paragraphs.add("CHỦ TỊCH ỦY BAN NHÂN DÂN " + localKind + " " + localName.toUpperCase(Locale.ROOT));
                paragraphs.add("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;");
                paragraphs.add("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;");
                paragraphs.add("Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;");
                paragraphs.add("Theo đề nghị của Trưởng phòng Nội vụ tại Tờ trình số " + (1 + random.nextInt(90)) + "/TTr-NV ngày " + date.minusDays(3 + random.nextInt(20)).getDayOfMonth() + " tháng " + date.getMonthValue() + " năm " + year + ".");
                paragraphs.add("QUYẾT ĐỊNH:");
                paragraphs.add("Điều 1. Phê duyệt Kế hoạch " + topic + " năm " + year + " trên địa bàn " + where + " (có Kế hoạch chi tiết kèm theo).");
                paragraphs.add("Điều 2. Giao Phòng Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức triển khai thực hiện; định kỳ báo cáo kết quả về " + ubnd + ".");
                addFiller(random, paragraphs, 0, 2);
                paragraphs.add("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, Trưởng các phòng, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, thị trấn và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.");
            }
            case BAO_CAO -> {
                subject = "Kết quả thực hiện " + topic + " năm " + year;
                int total = 400 + random.nextInt(900);
                int done = total - random.nextInt(total / 5);
                int communeTotal = 3000 + random.nextInt(4000);
                int communeDone = communeTotal - random.nextInt(communeTotal / 6);
                paragraphs.add("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh " + district.province() + ", " + ubnd + " báo cáo kết quả thực hiện như sau:");
                paragraphs.add("I. KẾT QUẢ THỰC HIỆN");
                paragraphs.add("1. Công tác chỉ đạo, điều hành");
                addFiller(random, paragraphs, 1, 2);
                paragraphs.add("2. Kết quả số hóa hồ sơ, kết quả giải quyết thủ tục hành chính");
                paragraphs.add("UBND " + localKindLower + " thực hiện số hóa " + thousands(done) + "/" + thousands(total) + " hồ sơ, đạt " + percent(done, total) + "; UBND cấp xã số hóa " + thousands(communeDone) + "/" + thousands(communeTotal) + " hồ sơ, đạt " + percent(communeDone, communeTotal) + ".");
                paragraphs.add("II. KHÓ KHĂN, VƯỚNG MẮC");
                paragraphs.add("Hạ tầng công nghệ thông tin tại một số xã còn hạn chế; máy quét chưa đáp ứng yêu cầu số hóa khối lượng lớn; một bộ phận người dân chưa quen sử dụng dịch vụ công trực tuyến.");
                paragraphs.add("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI");
                addFiller(random, paragraphs, 1, 3);
            }
            case CONG_VAN -> {
                subject = "V/v đôn đốc thực hiện " + topic;
                paragraphs.add("Kính gửi: Các phòng, ban, ngành cấp " + localKindLower + "; Ủy ban nhân dân các xã, thị trấn.");
                paragraphs.add("Thực hiện Công văn số " + (100 + random.nextInt(3000)) + "/UBND-KSTT ngày " + (1 + random.nextInt(28)) + "/" + date.getMonthValue() + "/" + year + " của Ủy ban nhân dân tỉnh " + district.province() + " về việc " + topic + ", " + ubnd + " yêu cầu các cơ quan, đơn vị khẩn trương thực hiện một số nội dung sau:");
                addFiller(random, paragraphs, 2, 4);
                paragraphs.add("Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.");
            }
            case TO_TRINH -> {
                subject = "Về việc đề nghị phê duyệt Kế hoạch " + topic + " năm " + year;
                paragraphs.add("Kính gửi: " + ubnd + ".");
                paragraphs.add("Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử;");
                addFiller(random, paragraphs, 1, 3);
                paragraphs.add("Phòng Nội vụ kính trình " + ubnd + " xem xét, phê duyệt./.");
            }
            case KE_HOACH -> {
                subject = "Triển khai thực hiện " + topic + " năm " + year;
                paragraphs.add("I. MỤC ĐÍCH, YÊU CẦU");
                addFiller(random, paragraphs, 1, 2);
                paragraphs.add("II. NHIỆM VỤ, GIẢI PHÁP");
                addFiller(random, paragraphs, 2, 3);
                paragraphs.add("III. TỔ CHỨC THỰC HIỆN");
                addFiller(random, paragraphs, 1, 2);
            }
            case THONG_BAO -> {
                subject = "Kết luận của Chủ tịch Ủy ban nhân dân tại cuộc họp về " + topic;
                paragraphs.add("Ngày " + (1 + random.nextInt(28)) + " tháng " + date.getMonthValue() + " năm " + year + ", đồng chí " + personName(random) + ", Chủ tịch " + ubnd + " chủ trì cuộc họp về " + topic + ". Sau khi nghe báo cáo và ý kiến của các đại biểu, Chủ tịch " + ubnd + " kết luận như sau:");
                addFiller(random, paragraphs, 2, 4);
                paragraphs.add("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thông báo để các cơ quan, đơn vị biết, thực hiện./.");
            }
            case NGHI_QUYET -> {
                subject = "Về việc thông qua Đề án " + topic + " giai đoạn " + year + " - " + (date.getYear() + 5);
                paragraphs.add("HỘI ĐỒNG NHÂN DÂN " + localKind + " " + localName.toUpperCase(Locale.ROOT));
                paragraphs.add("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;");
                paragraphs.add("QUYẾT NGHỊ:");
                paragraphs.add("Điều 1. Thông qua Đề án " + topic + " trên địa bàn " + where + ".");
                addFiller(random, paragraphs, 1, 2);
                paragraphs.add("Điều 2. Giao Ủy ban nhân dân " + localKindLower + " tổ chức thực hiện Nghị quyết này./.");
            }
            default -> {
                String word = type.title().orElse("").toLowerCase(Locale.ROOT);
                subject = "Về việc tăng cường " + topic;
                paragraphs.add("Để nâng cao hiệu quả " + topic + ", " + ubnd + " ban hành " + word + " như sau:");
                addFiller(random, paragraphs, 2, 4);
            }
        }
        return new AdministrativeDocument("synthetic-" + seed, issuer, code, localName, date, type, subject,
                paragraphs, authority, title, personName(random));
    }

    private static void addFiller(Random random, List<String> paragraphs, int min, int max) {
        int count = min + random.nextInt(max - min + 1);
        for (int i = 0; i < count; i++) {
            paragraphs.add(pick(random, FILLER));
        }
    }

    private static String thousands(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '.');
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole).replace('.', ',');
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
