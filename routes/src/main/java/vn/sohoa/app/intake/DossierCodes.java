package vn.sohoa.app.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import vn.sohoa.pipeline.Identifier;

/** Dossier codes as the capture edges find them, and the folder each one has on disk. */
public final class DossierCodes {

    /** How much of an invalid code's escaped form a folder name keeps, before its hash. */
    private static final int ESCAPED_PREFIX = 60;

    private DossierCodes() {
    }

    /** The dossier code is the first folder under a watched folder; a file directly in it has none. */
    public static Optional<String> dossierFolderOf(String relativePath) {
        String normalized = relativePath.replace('\\', '/');
        int slash = normalized.indexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(normalized.substring(0, slash));
    }

    /**
     * The folder of a dossier: a valid {@link Identifier#DOSSIER_CODE} is its own name; any other code (one
     * recorded before codes were checked) is escaped and given "~" and 16 hex digits of its SHA-256, a
     * character no valid code has, so that two different codes never share a folder.
     */
    public static String safeDirectoryName(String code) {
        if (Identifier.DOSSIER_CODE.isValid(code)) {
            return code;
        }
        String escaped = code.replaceAll("[^A-Za-z0-9._-]", "_");
        if (escaped.length() > ESCAPED_PREFIX) {
            escaped = escaped.substring(0, ESCAPED_PREFIX);
        }
        if (!escaped.isEmpty() && !Character.isLetterOrDigit(escaped.charAt(0))) {
            escaped = "_" + escaped.substring(1);
        }
        return escaped + "~" + sha256(code).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
