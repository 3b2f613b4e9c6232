package vn.sohoa.app.intake;

/** Dossier codes are opaque strings from the one-stop system; on disk they become safe folder names. */
public final class DossierCodes {

    private DossierCodes() {
    }

    /** The dossier code is the first folder under a watched folder; a file directly in it has none. */
    public static java.util.Optional<String> dossierFolderOf(String relativePath) {
        String normalized = relativePath.replace('\\', '/');
        int slash = normalized.indexOf('/');
        return slash <= 0 ? java.util.Optional.empty() : java.util.Optional.of(normalized.substring(0, slash));
    }

    public static String safeDirectoryName(String code) {
        String safe = code.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
