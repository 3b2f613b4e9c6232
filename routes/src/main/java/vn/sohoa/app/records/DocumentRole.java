package vn.sohoa.app.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a document is to its dossier: a component the citizen submitted, or the result the office issued. */
public enum DocumentRole {
    SUBMITTED, RESULT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DocumentRole of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
