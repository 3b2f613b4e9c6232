package vn.sohoa.models.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import vn.sohoa.models.render.SyntheticDocumentGenerator;

/**
 * Seeded templates of what citizens bring to a one-stop desk and what it gives back: applications (đơn đề
 * nghị, tờ khai), certificates (giấy xác nhận, giấy chứng nhận, giấy phép, giấy khai sinh), a contract and a
 * citizen's ID card, filled with a made-up person whose personal ID agrees with their birth date and gender,
 * a tax code with a right check digit and a mobile number in use. The same type and seed give the same form.
 */
public final class CitizenFormGenerator {

    /** The type codes this generator has templates for. */
    public static final List<String> TYPES = List.of("don_de_nghi", "to_khai", "giay_xac_nhan", "giay_chung_nhan",
            "giay_phep", "giay_khai_sinh", "hop_dong", "cccd");

    /** A commune with its district, province and the province's code in personal IDs. */
    private record Place(String commune, String district, String districtKind, String province, String provinceCode) {
        String address(String hamlet) {
            return "thôn " + hamlet + ", xã " + commune + ", " + districtKind + " " + district + ", tỉnh " + province;
        }
    }

    private static final List<Place> PLACES = List.of(
            new Place("Mai Hóa", "Tuyên Hóa", "huyện", "Quảng Bình", "044"),
            new Place("Sen Thủy", "Lệ Thủy", "huyện", "Quảng Bình", "044"),
            new Place("Hưng Trạch", "Bố Trạch", "huyện", "Quảng Bình", "044"),
            new Place("Hương Trà", "Hương Khê", "huyện", "Hà Tĩnh", "042"),
            new Place("Yên Hồ", "Đức Thọ", "huyện", "Hà Tĩnh", "042"),
            new Place("Nghĩa Lạc", "Nghĩa Hưng", "huyện", "Nam Định", "036"),
            new Place("Bố Hạ", "Yên Thế", "huyện", "Bắc Giang", "024"),
            new Place("Kan Hồ", "Mường Tè", "huyện", "Lai Châu", "012"),
            new Place("An Hiệp", "Châu Thành", "huyện", "Đồng Tháp", "087"));
    private static final String[] HAMLETS = {"Tân Sơn", "Đông Thành", "Phú Lộc", "Bắc Sơn", "Trung Hòa", "Thượng Phong",
        "Hạ Lý", "Cồn Nổi", "Xuân Lai"};
    private static final String[] MOBILE_PREFIXES = {"091", "094", "098", "097", "086", "035", "038", "070", "077", "083",
        "056", "096", "033"};
    private static final String[] REQUESTS = {
        "Đề nghị cấp bản sao trích lục khai sinh để bổ sung hồ sơ nhập học cho con.",
        "Đề nghị xác nhận thông tin về cư trú để hoàn thiện hồ sơ vay vốn tại ngân hàng.",
        "Đề nghị cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất.",
        "Đề nghị chứng thực bản sao từ bản chính giấy tờ, văn bản.",
        "Đề nghị hỗ trợ chi phí khắc phục thiệt hại nhà ở do thiên tai."};
    private static final String[] BUSINESSES = {"Cửa hàng tạp hóa", "Quán cà phê", "Tiệm sửa xe máy", "Cửa hàng vật liệu xây dựng",
        "Tiệm may đo", "Cơ sở xay xát"};
    private static final String[] TRADES = {"Bán lẻ lương thực, thực phẩm, đồ uống", "Dịch vụ ăn uống", "Sửa chữa mô tô, xe máy",
        "Bán lẻ vật liệu xây dựng", "May trang phục", "Xay xát thóc, lúa"};
    private static final String[] COMPANIES = {"Công ty TNHH Thương mại Minh Phát", "Công ty Cổ phần Xây dựng Hòa Bình Xanh",
        "Công ty TNHH Dịch vụ Sao Mai", "Công ty Cổ phần Nông sản Quảng Bình"};

    private CitizenFormGenerator() {
    }

    /** The form of {@code typeCode} (one of {@link #TYPES}) for {@code seed}. */
    public static FormDocument generate(String typeCode, long seed) {
        Random random = new Random(seed * 31 + typeCode.hashCode());
        Person person = Person.random(random);
        Place place = PLACES.get(random.nextInt(PLACES.size()));
        Place home = PLACES.get(random.nextInt(PLACES.size()));
        String address = home.address(pick(random, HAMLETS));
        LocalDate date = LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String id = typeCode + "-" + String.format(Locale.ROOT, "%06d", seed);
        String ubndXa = "Ủy ban nhân dân xã " + place.commune();
        List<String> issuer = List.of("ỦY BAN NHÂN DÂN", "XÃ " + place.commune().toUpperCase(Locale.ROOT));
        List<String> issuerHuyen = List.of("ỦY BAN NHÂN DÂN", "HUYỆN " + place.district().toUpperCase(Locale.ROOT));
        String number = Integer.toString(1 + random.nextInt(400));
        boolean deputy = random.nextBoolean();
        List<String> stateSignature = deputy ? List.of("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") : List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        String stateTitle = deputy ? "PHÓ CHỦ TỊCH" : "CHỦ TỊCH";
        String official = SyntheticDocumentGenerator.personName(random);
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        String gender = person.male() ? "Nam" : "Nữ";
        String birth = slashed(person.birth());
        String phone = phone(random);
        String spacedPhone = random.nextBoolean() ? phone : phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);

        switch (typeCode) {
            case "don_de_nghi" -> {
                body.add("Kính gửi: " + ubndXa);
                body.add("Họ và tên: " + person.name());
                body.add("Ngày sinh: " + birth + "      Giới tính: " + gender);
                body.add("Số định danh cá nhân: " + person.id());
                body.add("Nơi thường trú: " + address);
                body.add("Số điện thoại: " + spacedPhone);
                body.add("Nội dung đề nghị: " + pick(random, REQUESTS));
                body.add("Tôi xin cam đoan những nội dung khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật.");
                fields.putAll(Map.of("kinh_gui", ubndXa, "ho_ten", person.name(), "ngay_sinh", person.birth().toString(),
                        "gioi_tinh", person.genderCode(), "so_dinh_danh", person.id(), "dia_chi", address,
                        "so_dien_thoai", phone, "nguoi_ky", person.name()));
                return new FormDocument(id, typeCode, List.of(), "", "", List.of("ĐƠN ĐỀ NGHỊ"), body,
                        place.commune() + ", " + inWords(date), List.of("NGƯỜI ĐỀ NGHỊ", "(Ký, ghi rõ họ tên)"),
                        person.name(), fields);
            }
            case "to_khai" -> {
                String subject = pick(random, new String[] {"THAY ĐỔI THÔNG TIN CƯ TRÚ", "ĐĂNG KÝ KHAI SINH",
                    "CĂN CƯỚC", "ĐĂNG KÝ THUẾ"});
                body.add("Kính gửi: " + (random.nextBoolean() ? ubndXa : "Công an xã " + place.commune()));
                body.add("Họ, chữ đệm và tên: " + person.name());
                body.add("Ngày, tháng, năm sinh: " + birth + "      Giới tính: " + gender);
                body.add("Số định danh cá nhân: " + person.id());
                body.add("Số điện thoại: " + spacedPhone);
                body.add("Nơi cư trú: " + address);
                body.add("Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.");
                fields.putAll(Map.of("ho_ten", person.name(), "ngay_sinh", person.birth().toString(),
                        "gioi_tinh", person.genderCode(), "so_dinh_danh", person.id(), "dia_chi", address,
                        "so_dien_thoai", phone, "nguoi_ky", person.name()));
                return new FormDocument(id, typeCode, List.of(), "", "", List.of("TỜ KHAI " + subject), body,
                        place.commune() + ", " + inWords(date), List.of("NGƯỜI KÊ KHAI", "(Ký, ghi rõ họ tên)"),
                        person.name(), fields);
            }
            case "giay_xac_nhan" -> {
                String code = number + "/GXN-UBND";
                body.add("Xét đề nghị của ông/bà " + person.name() + " về việc cấp Giấy xác nhận tình trạng hôn nhân,");
                body.add(ubndXa + " xác nhận:");
                body.add("Họ, chữ đệm, tên: " + person.name());
                body.add("Ngày, tháng, năm sinh: " + birth + "      Giới tính: " + gender);
                body.add("Dân tộc: Kinh      Quốc tịch: Việt Nam");
                body.add("Số định danh cá nhân: " + person.id());
                body.add("Nơi cư trú: " + address);
                body.add("Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai.");
                body.add("Giấy này có giá trị sử dụng trong thời hạn 06 tháng, kể từ ngày cấp.");
                fields.putAll(administrative(code, date, place.commune(), String.join(" ", issuer), official, stateTitle));
                fields.putAll(Map.of("ho_ten", person.name(), "ngay_sinh", person.birth().toString(),
                        "gioi_tinh", person.genderCode(), "so_dinh_danh", person.id(), "dia_chi", address));
                return new FormDocument(id, typeCode, issuer, code, place.commune() + ", " + inWords(date),
                        List.of("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"), body, "", stateSignature, official, fields);
            }
            case "giay_chung_nhan" -> {
                String code = number + "/GCN-UBND";
                String business = pick(random, BUSINESSES) + " " + person.name().substring(person.name().lastIndexOf(' ') + 1);
                String businessAddress = place.address(pick(random, HAMLETS));
                String tax = taxCode(random);
                body.add("Tên hộ kinh doanh: " + business);
                body.add("Địa chỉ trụ sở: " + businessAddress);
                body.add("Điện thoại: " + spacedPhone);
                body.add("Ngành, nghề kinh doanh: " + pick(random, TRADES));
                body.add("Mã số thuế: " + tax);
                body.add("Chủ hộ kinh doanh:");
                body.add("Họ và tên: " + person.name() + "      Giới tính: " + gender);
                body.add("Ngày sinh: " + birth + "      Dân tộc: Kinh      Quốc tịch: Việt Nam");
                body.add("Số định danh cá nhân: " + person.id());
                body.add("Nơi thường trú: " + address);
                fields.putAll(administrative(code, date, place.district(), String.join(" ", issuerHuyen), official, stateTitle));
                fields.putAll(Map.of("ten_to_chuc", business, "dia_chi", businessAddress, "so_dien_thoai", phone,
                        "ma_so_thue", tax, "ho_ten", person.name(), "ngay_sinh", person.birth().toString(),
                        "gioi_tinh", person.genderCode(), "so_dinh_danh", person.id()));
                return new FormDocument(id, typeCode, issuerHuyen, code, place.district() + ", " + inWords(date),
                        List.of("GIẤY CHỨNG NHẬN", "ĐĂNG KÝ HỘ KINH DOANH"), body, "", stateSignature, official, fields);
            }
            case "giay_phep" -> {
                String code = number + "/GP-UBND";
                String site = place.address(pick(random, HAMLETS));
                body.add("Cấp cho hộ gia đình, cá nhân:");
                body.add("Họ và tên: " + person.name());
                body.add("Số định danh cá nhân: " + person.id());
                body.add("Địa chỉ: " + address);
                body.add("Được phép xây dựng công trình: Nhà ở riêng lẻ, " + (2 + random.nextInt(3)) + " tầng.");
                body.add("Theo thiết kế có ký hiệu TK-" + (10 + random.nextInt(80)) + " do chủ đầu tư lập.");
                body.add("Vị trí xây dựng: thửa đất số " + (1 + random.nextInt(900)) + ", tờ bản đồ số " + (1 + random.nextInt(60)) + ", " + site + ".");
                body.add("Giấy phép này có hiệu lực khởi công xây dựng trong thời hạn 12 tháng kể từ ngày được cấp.");
                fields.putAll(administrative(code, date, place.district(), String.join(" ", issuerHuyen), official, stateTitle));
                fields.putAll(Map.of("ho_ten", person.name(), "so_dinh_danh", person.id(), "dia_chi", address));
                return new FormDocument(id, typeCode, issuerHuyen, code, place.district() + ", " + inWords(date),
                        List.of("GIẤY PHÉP XÂY DỰNG"), body, "", stateSignature, official, fields);
            }
            case "giay_khai_sinh" -> {
                Person child = Person.born(random, date.minusDays(5 + random.nextInt(40)), place.provinceCode());
                String mother = SyntheticDocumentGenerator.personName(random).replaceFirst(" \\S+ ", " Thị ");
                String father = person.male() ? person.name() : SyntheticDocumentGenerator.personName(random).replaceFirst(" Thị ", " Văn ");
                body.add("Họ, chữ đệm, tên: " + child.name());
                body.add("Ngày, tháng, năm sinh: " + slashed(child.birth()) + "      Giới tính: " + (child.male() ? "Nam" : "Nữ"));
                body.add("Dân tộc: Kinh      Quốc tịch: Việt Nam");
                body.add("Nơi sinh: Trạm Y tế xã " + place.commune() + ", " + place.districtKind() + " " + place.district() + ", tỉnh " + place.province());
                body.add("Số định danh cá nhân: " + child.id());
                body.add("Họ, chữ đệm, tên người mẹ: " + mother);
                body.add("Họ, chữ đệm, tên người cha: " + father);
                body.add("Nơi cư trú: " + address);
                fields.putAll(administrative("", date, place.commune(), String.join(" ", issuer), official, stateTitle));
                fields.remove("so_ky_hieu");
                fields.putAll(Map.of("ho_ten", child.name(), "ngay_sinh", child.birth().toString(),
                        "gioi_tinh", child.genderCode(), "so_dinh_danh", child.id(), "ho_ten_me", mother, "ho_ten_cha", father));
                return new FormDocument(id, typeCode, issuer, "", place.commune() + ", " + inWords(date),
                        List.of("GIẤY KHAI SINH"), body, "", stateSignature, official, fields);
            }
            case "hop_dong" -> {
                String company = pick(random, COMPANIES);
                String tax = taxCode(random);
                String representative = SyntheticDocumentGenerator.personName(random);
                body.add("Hôm nay, " + inWords(date) + ", tại " + ubndXa + ", chúng tôi gồm:");
                body.add("BÊN CHO THUÊ (BÊN A):");
                body.add("Họ và tên: " + person.name());
                body.add("Số định danh cá nhân: " + person.id());
                body.add("Địa chỉ: " + address);
                body.add("Điện thoại: " + spacedPhone);
                body.add("BÊN THUÊ (BÊN B):");
                body.add("Tên doanh nghiệp: " + company);
                body.add("Mã số thuế: " + tax);
                body.add("Đại diện: " + representative + "      Chức vụ: Giám đốc");
                body.add("Hai bên thống nhất ký kết hợp đồng thuê nhà với các điều khoản sau: Bên A cho Bên B thuê nhà tại địa chỉ nêu trên, thời hạn thuê " + (1 + random.nextInt(5)) + " năm.");
                fields.putAll(Map.of("ho_ten", person.name(), "so_dinh_danh", person.id(), "dia_chi", address,
                        "so_dien_thoai", phone, "ten_to_chuc", company, "ma_so_thue", tax, "nguoi_dai_dien", representative));
                return new FormDocument(id, typeCode, List.of(), "", "", List.of("HỢP ĐỒNG THUÊ NHÀ"), body, "",
                        List.of("ĐẠI DIỆN BÊN B"), representative, fields);
            }
            case "cccd" -> {
                body.add("Số / No.: " + person.id());
                body.add("Họ và tên / Full name: " + person.name().toUpperCase(Locale.ROOT));
                body.add("Ngày sinh / Date of birth: " + birth);
                body.add("Giới tính / Sex: " + gender + "      Quốc tịch / Nationality: Việt Nam");
                body.add("Quê quán / Place of origin: xã " + place.commune() + ", " + place.district() + ", " + place.province());
                body.add("Nơi thường trú / Place of residence: " + address);
                body.add("Có giá trị đến / Date of expiry: " + slashed(person.birth().plusYears(60)));
                fields.putAll(Map.of("ho_ten", person.name(), "ngay_sinh", person.birth().toString(),
                        "gioi_tinh", person.genderCode(), "so_dinh_danh", person.id(), "dia_chi", address));
                return new FormDocument(id, typeCode, List.of(), "", "", List.of("CĂN CƯỚC CÔNG DÂN"), body, "",
                        List.of(), "", fields);
            }
            default -> throw new IllegalArgumentException("no template for document type " + typeCode);
        }
    }

    private static Map<String, String> administrative(String code, LocalDate date, String place, String issuer,
                                                      String signer, String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("so_ky_hieu", code);
        fields.put("ngay_ban_hanh", date.toString());
        fields.put("noi_ban_hanh", place);
        fields.put("co_quan_ban_hanh", issuer);
        fields.put("nguoi_ky", signer);
        fields.put("chuc_vu_nguoi_ky", title);
        return fields;
    }

    /** A made-up person: name, birth date, gender and a personal ID that agrees with them. */
    private record Person(String name, LocalDate birth, boolean male, String id) {
        static Person random(Random random) {
            LocalDate birth = LocalDate.of(1950 + random.nextInt(56), 1 + random.nextInt(12), 1 + random.nextInt(28));
            return born(random, birth, PLACES.get(random.nextInt(PLACES.size())).provinceCode());
        }

        static Person born(Random random, LocalDate birth, String province) {
            String name = SyntheticDocumentGenerator.personName(random);
            boolean male = !name.contains(" Thị ");
            int centuryDigit = (birth.getYear() >= 2000 ? 2 : 0) + (male ? 0 : 1);
            String id = province + centuryDigit + String.format(Locale.ROOT, "%02d%06d", birth.getYear() % 100,
                    random.nextInt(1_000_000));
            return new Person(name, birth, male, id);
        }

        String genderCode() {
            return male ? "nam" : "nu";
        }
    }

    private static String taxCode(Random random) {
        int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        while (true) {
            String nine = String.format(Locale.ROOT, "%02d%07d", 1 + random.nextInt(96), random.nextInt(10_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += weights[i] * (nine.charAt(i) - '0');
            }
            int check = 10 - sum % 11;
            if (check < 10) {
                return nine + check;
            }
        }
    }

    private static String phone(Random random) {
        return pick(random, MOBILE_PREFIXES) + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
    }

    private static String slashed(LocalDate date) {
        return String.format(Locale.ROOT, "%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static String inWords(LocalDate date) {
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        return "ngày " + (day < 10 ? "0" + day : day) + " tháng " + (month < 3 ? "0" + month : month) + " năm " + date.getYear();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
