package vn.sohoa.pipeline;

import java.util.regex.Pattern;

/**
 * The one syntax of the codes SoHoa keys things by: dossier codes (mã hồ sơ), agency codes and user names.
 * Each is 1 to 100 ASCII letters, digits, '.', '_' or '-', beginning with a letter or a digit, so that
 * a code is never blank, never a path, never a hidden file or a folder of its own on disk, and means the
 * same in a URL, a folder name, a mail subject and a QR code. Every edge that takes one checks it here.
 */
public enum Identifier {
    DOSSIER_CODE("mã hồ sơ", "a dossier code"),
    AGENCY_CODE("mã cơ quan", "an agency code"),
    USERNAME("tên đăng nhập", "a user name");

    public static final int MAX_LENGTH = 100;
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private final String vietnamese;
    private final String english;

    Identifier(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public boolean isValid(String value) {
        return value != null && SYNTAX.matcher(value).matches();
    }

    /** The value itself when valid; otherwise an {@link InvalidIdentifierException} saying what is allowed. */
    public String check(String value) {
        if (!isValid(value)) {
            throw new InvalidIdentifierException(this, value);
        }
        return value;
    }

    private String description() {
        return english + " (" + vietnamese + ")";
    }

    /** A value that breaks the syntax: the message says which kind, which value and what is allowed. */
    public static final class InvalidIdentifierException extends IllegalArgumentException {
        InvalidIdentifierException(Identifier kind, String value) {
            super(kind.description() + " must be 1 to " + MAX_LENGTH + " ASCII letters, digits, '.', '_' or '-',"
                    + " beginning with a letter or a digit; got " + (value == null ? "none" : "\"" + printable(value) + "\""));
        }

        private static String printable(String value) {
            String shown = value.length() > MAX_LENGTH + 20 ? value.substring(0, MAX_LENGTH + 20) + "…" : value;
            StringBuilder out = new StringBuilder();
            shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                    : new String(Character.toChars(c))));
            return out.toString().replace("\"", "\\\"");
        }
    }
}
