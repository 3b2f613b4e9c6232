package vn.sohoa.pipeline;

/**
 * A scan the pipeline refuses, with a specific reason a person can act on. The original stays untouched;
 * the edges quarantine it with this reason.
 */
public class RejectedScanException extends Exception {

    /** Why a scan was refused; stable codes for records and metrics. */
    public enum Reason {
        EMPTY_FILE,
        UNSUPPORTED_FORMAT,
        UNREADABLE_IMAGE,
        BROKEN_PDF,
        ENCRYPTED_PDF,
        TOO_LARGE,
        TOO_MANY_PAGES,
        TOO_MANY_PIXELS,
        NO_PAGES,
        OCR_FAILED,
        OCR_TIMEOUT,
        /** A page took longer than {@code IntakeLimits.maxDecodeTime} to decode or render. */
        DECODE_TIMEOUT,
        PDF_WRITE_FAILED,
        /** Neither a dossier folder nor a cover sheet (or receipt code) says which dossier the pages belong to. */
        NO_DOSSIER,
        /** The dossier code a capture names (folder, mail subject, upload) is not an {@link Identifier#DOSSIER_CODE}. */
        INVALID_DOSSIER_CODE,
        /** The dossier belongs to an agency the capture source is not configured for. */
        DOSSIER_OF_ANOTHER_AGENCY,
        /** The agency the capture source is configured for is not in the registry. */
        UNKNOWN_AGENCY,
        /**
         * The name a file arrived under (a mail attachment's) cannot name a file: empty, only dots, a slash or
         * backslash, a control character (NUL), or too long.
         */
        INVALID_FILE_NAME
    }

    private final Reason reason;

    public RejectedScanException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectedScanException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
