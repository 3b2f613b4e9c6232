package vn.sohoa.app.records;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A dossier as recorded: what the one-stop system told, and its digitized documents with their files. */
public record DossierDetails(String code, Named agency, Named procedure, LocalDate receivedOn, LocalDate dueOn,
                             String status, OffsetDateTime createdAt, List<DocumentDetails> documents) {

    public record Named(String code, String name) {
    }

    /** @param deliveredBy the account that uploaded it, {@code system:<source>}, or null when recorded before that was kept */
    public record DocumentDetails(UUID id, String role, String componentCode, String deliveredBy, String type,
                                  double typeConfidence,
                                  String reviewState, int pageCount, Map<String, Object> fields,
                                  OffsetDateTime recordedAt, List<FileDetails> files) {
    }

    public record FileDetails(UUID id, String kind, String name, String mediaType, String sha256, long size) {
    }
}
