package vn.sohoa.app.config;

/**
 * What one {@code sohoa serve} process does ({@code sohoa.role}, {@code --role}): everything, the default
 * and the one-PC shape; only take scans in (watch the inbox and the capture sources, accept uploads, store
 * originals and queue them); or only digitize what the work queues hold. Every role serves the HTTP API
 * and publishes the results outbox.
 */
public enum Role {
    ALL, INTAKE, WORKER;

    /** Watches the inbox, scan-to-folder, FTP and mail. */
    public boolean takesScans() {
        return this != WORKER;
    }

    /** Consumes the work queues: decodes, reads (cleanup and OCR), assembles and records. */
    public boolean digitizes() {
        return this != INTAKE;
    }
}
