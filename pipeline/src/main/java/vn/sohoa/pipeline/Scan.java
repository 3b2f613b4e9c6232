package vn.sohoa.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A scanned file as it arrived: where it is, the name it arrived under (the file's own name, unless it is
 * read from elsewhere, such as a content-addressed store), its size and the SHA-256 of its bytes, and the
 * dossier it belongs to when the edge knows it. The bytes on disk are never changed by the pipeline.
 */
public record Scan(Path file, String name, String sha256, long size, Optional<String> dossierCode) {

    public Scan {
        if (sha256 == null || sha256.length() != 64) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scan needs the name it arrived under");
        }
    }

    /** A scan read where it arrived, under its file's name. */
    public Scan(Path file, String sha256, long size, Optional<String> dossierCode) {
        this(file, file.getFileName().toString(), sha256, size, dossierCode);
    }

    /** Reads the file once to compute its SHA-256. */
    public static Scan of(Path file, String dossierCode) throws IOException {
        return new Scan(file, sha256(file), Files.size(file), Optional.ofNullable(dossierCode));
    }

    public static Scan of(Path file) throws IOException {
        return of(file, null);
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
