package vn.sohoa.app.intake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether the name a mail attachment arrives under can be kept as a file's name: it names the stored original
 * and the quarantined copy, so it must be one name of a folder (no slash, no backslash, not "." or ".."),
 * without control characters (NUL cuts a name short in C), and short enough that the quarantined copy's name,
 * with its time stamp and ".reason.txt", fits the 255 bytes a file system allows.
 */
public final class AttachmentName {

    /** The longest name taken, in UTF-8 bytes. */
    public static final int MAX_BYTES = 200;
    private static final int SHOWN = 120;

    private AttachmentName() {
    }

    /** What is wrong with {@code name}, as the message of an INVALID_FILE_NAME rejection; empty when it is fine. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("tệp đính kèm không có tên (the attachment has no file name): đặt tên cho tệp rồi gửi lại");
        }
        if (name.chars().allMatch(c -> c == '.')) {
            return refused(name, "chỉ gồm dấu chấm (is only dots)");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return refused(name, "có dấu gạch chéo / hoặc \\ (contains a slash or backslash)");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return refused(name, "có ký tự điều khiển (contains a control character such as NUL)");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return refused(name, "dài " + bytes + " byte, quá " + MAX_BYTES + " (is " + bytes + " bytes long, over "
                    + MAX_BYTES + ")");
        }
        return Optional.empty();
    }

    /**
     * The name as it can be shown and recorded whatever it holds: control characters as \\uXXXX (PostgreSQL
     * text takes no NUL), cut after 120 characters.
     */
    public static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < name.length() && shown.length() < SHOWN; i++) {
            char c = name.charAt(i);
            shown.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return i < name.length() ? shown + "…" : shown.toString();
    }

    private static Optional<String> refused(String name, String why) {
        return Optional.of("tên tệp đính kèm \"" + printable(name) + "\" " + why
                + ": đổi tên tệp rồi gửi lại (rename the file and send it again)");
    }
}
