package vn.sohoa.app.records;

import java.util.Locale;

/** What a document is to its dossier: a component the citizen submitted, or the result the office issued. */
public enum DocumentRole {
    SUBMITTED, RESULT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentRole of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
