package vn.sohoa.models.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an {@link AdministrativeDocument} from a plain-text legal document of the shared corpus
 * ({@code corpus/legal-text/*.txt}: one block per line, real headers). Reads the issuer, "Số: ...", the
 * "&lt;place&gt;, ngày dd tháng mm năm yyyy" line, the type word, the subject, the body up to "Nơi nhận:" or the
 * signature block, and the signature block (authority, title, name). Whatever a file lacks is filled with a
 * plausible value derived from the file name, so every file gives a renderable document.
 */
public final class CorpusDocumentParser {

    private static final int HEADER_LINES = 16;
    private static final Pattern CODE_LINE =
            Pattern.compile("^(?:[\\p{L} ]*\\s)?[Ss]ố\\s*:?\\s*(\\S.*)$");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^(?:(.+?),\\s*)?ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}).*$");
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s_\\-—–*=.…·]+$");
    private static final Pattern AUTHORITY = Pattern.compile("^(TM|KT|Q|TL|TUQ)\\.\\s*\\S.*$");
    private static final Pattern SIGNED_NOTE = Pattern.compile("^\\(.*\\)$");
    private static final Pattern YEAR = Pattern.compile("/((?:19|20)\\d\\d)/");
    private static final List<String> ISSUER_WORDS = List.of(
            "BỘ TRƯỞNG", "CHÍNH PHỦ", "THỦ TƯỚNG", "ỦY BAN", "UỶ BAN", "CHỦ TỊCH", "HỘI ĐỒNG", "QUỐC HỘI",
            "TỔNG KIỂM TOÁN", "CHÁNH ÁN", "VIỆN TRƯỞNG", "THỐNG ĐỐC");

    private CorpusDocumentParser() {
    }

    /** Reads and parses one corpus file; the id is the file name without ".txt". */
    public static AdministrativeDocument read(Path file) {
        try {
            String name = file.getFileName().toString();
            String id = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
            return parse(id, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus document " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the text of one corpus document. */
    public static AdministrativeDocument parse(String id, String text) {
        List<String> lines = cleanLines(text);
        Random fallback = new Random(id.hashCode());

        int typeIndex = -1;
        DocumentType type = null;
        for (int i = 0; i < Math.min(HEADER_LINES, lines.size()); i++) {
            Optional<DocumentType> found = DocumentType.fromTitle(lines.get(i));
            if (found.isPresent()) {
                typeIndex = i;
                type = found.get();
                break;
            }
        }
        int headerEnd = typeIndex >= 0 ? typeIndex : Math.min(HEADER_LINES, lines.size());

        List<String> issuer = new ArrayList<>();
        String code = null;
        String place = null;
        LocalDate date = null;
        boolean issuerDone = false;
        for (int i = 0; i < headerEnd; i++) {
            String line = lines.get(i);
            Matcher codeMatcher = CODE_LINE.matcher(line);
            Matcher dateMatcher = DATE_LINE.matcher(line);
            if (isMotto(line)) {
                issuerDone = true;
            } else if (code == null && codeMatcher.matches() && codeMatcher.group(1).matches(".*\\d.*")) {
                code = codeMatcher.group(1).replaceAll("\\s+", "");
                issuerDone = true;
            } else if (date == null && dateMatcher.matches()) {
                date = dateOf(dateMatcher);
                place = dateMatcher.group(1);
                issuerDone = true;
            } else if (!issuerDone && isCapitals(line)) {
                issuer.add(line);
            } else {
                issuerDone = true;
            }
        }

        int cursor = typeIndex + 1;
        List<String> subjectLines = new ArrayList<>();
        if (typeIndex >= 0) {
            while (cursor < lines.size() && subjectLines.size() < 4
                    && continuesSubject(subjectLines, lines.get(cursor))) {
                subjectLines.add(lines.get(cursor));
                cursor++;
            }
        } else {
            cursor = headerEnd;
        }

        int signatureStart = -1;
        for (int i = cursor + 1; i < lines.size(); i++) {
            if (signatureBlockEnd(lines, i) >= 0) {
                signatureStart = i;
                break;
            }
        }
        int bodyEnd = signatureStart >= 0 ? signatureStart : lines.size();
        List<String> body = new ArrayList<>();
        for (int i = cursor; i < bodyEnd; i++) {
            String line = lines.get(i);
            if (line.startsWith("Nơi nhận")) {
                break;
            }
            if (!SEPARATOR.matcher(line).matches()) {
                body.add(line);
            }
        }

        List<String> authority = new ArrayList<>();
        String title;
        String name;
        if (signatureStart >= 0) {
            int i = signatureStart;
            while (AUTHORITY.matcher(lines.get(i)).matches()) {
                authority.add(lines.get(i++));
            }
            List<String> titles = new ArrayList<>();
            while (isCapitals(lines.get(i))) {
                titles.add(lines.get(i++));
            }
            if (titles.isEmpty() && !authority.isEmpty()) {
                // "KT. BỘ TRƯỞNG" directly above the name: the last authority line is the title
                titles.add(authority.remove(authority.size() - 1));
            }
            title = String.join(" ", titles);
            while (SIGNED_NOTE.matcher(lines.get(i)).matches()) {
                i++;
            }
            name = lines.get(i);
        } else {
            title = "THỦ TRƯỞNG CƠ QUAN";
            name = SyntheticDocumentGenerator.personName(fallback);
        }

        if (issuer.isEmpty()) {
            issuer.add("CƠ QUAN BAN HÀNH");
        }
        if (type == null) {
            type = DocumentType.CONG_VAN;
        }
        if (code == null) {
            code = String.format(Locale.ROOT, "%02d/%s%s", 1 + fallback.nextInt(300),
                    type.abbreviation().isEmpty() ? "" : type.abbreviation() + "-", "VP");
        }
        if (date == null) {
            Matcher year = YEAR.matcher(code);
            int y = year.find() ? Integer.parseInt(year.group(1)) : 2024;
            date = LocalDate.of(y, 1 + fallback.nextInt(12), 1 + fallback.nextInt(28));
        }
        if (place == null || place.isBlank()) {
            place = "Hà Nội";
        }
        String subject = String.join(" ", subjectLines);
        if (type == DocumentType.CONG_VAN && !subject.startsWith("V/v")) {
            subject = "V/v " + (subject.isEmpty() && !body.isEmpty() ? firstWords(body.get(0), 12) : subject);
        }
        if (body.isEmpty()) {
            body.add(subject);
        }
        return new AdministrativeDocument(id, issuer, code, place.strip(), date, type, subject, body, authority,
                title, name);
    }

    /** NFC, invisible characters removed, whitespace collapsed, blank lines dropped. */
    static List<String> cleanLines(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]", "")
                .replace('\u00A0', ' ')
                .replace('\t', ' ');
        List<String> lines = new ArrayList<>();
        for (String line : normalized.split("\\R")) {
            String collapsed = line.replaceAll(" {2,}", " ").strip();
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        return lines;
    }

    private static LocalDate dateOf(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isMotto(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        return upper.startsWith("CỘNG HÒA XÃ HỘI") || upper.startsWith("CỘNG HOÀ XÃ HỘI")
                || upper.startsWith("ĐỘC LẬP") || SEPARATOR.matcher(line).matches();
    }

    /** Has letters, all of them capitals, and no sentence punctuation. */
    static boolean isCapitals(String line) {
        return line.chars().anyMatch(Character::isLetter)
                && line.equals(line.toUpperCase(Locale.ROOT))
                && !line.matches(".*[:;]$")
                && line.length() <= 80;
    }

    private static boolean continuesSubject(List<String> taken, String next) {
        if (SEPARATOR.matcher(next).matches() || next.startsWith("Căn cứ") || next.startsWith("Theo đề nghị")
                || next.matches("^(Điều|Chương|Phần|Mục) .*") || next.endsWith(":")) {
            return false;
        }
        if (taken.isEmpty()) {
            return true;
        }
        String previous = taken.get(taken.size() - 1);
        if (previous.endsWith(".") || previous.endsWith(";")) {
            return false;
        }
        boolean capitals = isCapitals(taken.get(0));
        if (capitals != isCapitals(next)) {
            return false;
        }
        return ISSUER_WORDS.stream().noneMatch(next::startsWith);
    }

    /** If a signature block (authority, title, optional "(Đã ký)", name) starts at {@code i}, its last index. */
    private static int signatureBlockEnd(List<String> lines, int i) {
        int j = i;
        boolean authority = false;
        while (j < lines.size() && AUTHORITY.matcher(lines.get(j)).matches()) {
            authority = true;
            j++;
        }
        int titles = 0;
        while (j < lines.size() && isCapitals(lines.get(j)) && lines.get(j).split(" ").length <= 8) {
            titles++;
            j++;
        }
        if (!authority && (titles == 0 || titles > 3)) {
            return -1;
        }
        if (!authority && !looksLikeSignerTitle(lines.get(i))) {
            return -1;
        }
        while (j < lines.size() && SIGNED_NOTE.matcher(lines.get(j)).matches()) {
            j++;
        }
        return j < lines.size() && looksLikeName(lines.get(j)) ? j : -1;
    }

    private static boolean looksLikeSignerTitle(String line) {
        return line.matches(".*(TRƯỞNG|CHỦ TỊCH|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG|CHÁNH|THỐNG ĐỐC|PHÓ).*");
    }

    static boolean looksLikeName(String line) {
        String[] words = line.split(" ");
        if (words.length < 2 || words.length > 7 || line.matches(".*[\\d,;:.()/].*") || isCapitals(line)) {
            return false;
        }
        for (int k = words.length - 2; k < words.length; k++) {
            if (!Character.isUpperCase(words[k].codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static String firstWords(String text, int count) {
        String[] words = text.split(" ");
        return String.join(" ", List.of(words).subList(0, Math.min(count, words.length)));
    }
}
