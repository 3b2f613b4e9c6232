package vn.sohoa.app.intake;

/** Dossier codes are opaque strings from the one-stop system; on disk they become safe folder names. */
public final class DossierCodes {

    private DossierCodes() {
    }

    public static String safeDirectoryName(String code) {
        String safe = code.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
