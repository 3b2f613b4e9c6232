package vn.sohoa.app.work;

import java.util.UUID;

/** A planned document as the work table holds it, with how far it got. */
public record WorkDocument(UUID id, PlannedDocument plan, State state, int attempts, UUID documentId) {

    public enum State {
        /** Pages are being read, or all are and the document job is on its way. */
        READING,
        /** Recorded (with its results message): nothing is left to do. */
        RECORDED,
        /** A worker rejected it, with a reason recorded; a new receipt of the same bytes plans it afresh. */
        REJECTED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
