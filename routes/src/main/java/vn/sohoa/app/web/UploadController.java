package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.intake.CaptureAgency;
import vn.sohoa.app.intake.ScanIntake;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.app.work.ReceiptOutcomes;
import vn.sohoa.app.work.ScanJob;
import vn.sohoa.app.work.WorkSettings;
import vn.sohoa.app.work.WorkStore;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.records.AuditTrail;
import vn.sohoa.app.records.Delivery;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.security.CurrentUser;
import vn.sohoa.app.records.Registry;
import vn.sohoa.pipeline.Identifier;
import vn.sohoa.pipeline.RejectedScanException;

/**
 * Upload of scans to a dossier. Each file is written to SOHOA_HOME/uploads, then goes the inbox's way
 * ({@link ScanIntake}): its original stored under its SHA-256 first, checked and queued for the workers; the
 * answer waits for its document to be recorded (up to {@code sohoa.work.upload-wait}, then 202 with the file
 * "queued"), or for its rejection (422 with the reason). A result ("kết quả") or a known procedure component
 * can be said with {@code role} and {@code component}: they travel with the scan, with the uploading account,
 * to the record and its results message, whether the answer waited or not.
 */
@RestController
@Tag(name = "Tải lên", description = "Upload scans to a dossier")
public class UploadController {

    private final ScanIntake intake;
    private final ReceiptOutcomes outcomes;
    private final RecordStore records;
    private final WorkSettings work;
    private final Registry registry;
    private final Path uploads;
    private final AgencyScopes scopes;
    private final ScopeGuard guard;
    private final ProcessingEvents events;
    private final AuditTrail audit;

    public UploadController(ScanIntake intake, ReceiptOutcomes outcomes, RecordStore records, WorkSettings work,
                            Registry registry, SohoaProperties properties, AgencyScopes scopes, ScopeGuard guard,
                            ProcessingEvents events, AuditTrail audit) {
        this.intake = intake;
        this.outcomes = outcomes;
        this.records = records;
        this.work = work;
        this.registry = registry;
        this.uploads = properties.home().resolve("uploads");
        this.scopes = scopes;
        this.guard = guard;
        this.events = events;
        this.audit = audit;
    }

    /** One file's answer; {@code documentId} is null while it is still {@code queued}. */
    public record Uploaded(String name, UUID documentId, boolean duplicate, boolean queued, String dossierHref) {
    }

    @PostMapping(path = "/api/dossiers/{code}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload scans (JPEG, PNG, TIFF, PDF) to a dossier; they are digitized before the answer"
            + " (201), or answered queued (202) when the workers take longer than sohoa.work.upload-wait")
    public ResponseEntity<List<Uploaded>> upload(@PathVariable String code,
                                                 @RequestParam("file") List<MultipartFile> files,
                                                 @Parameter(description = "submitted (default) or result")
                                                 @RequestParam(defaultValue = "submitted") String role,
                                                 @Parameter(description = "the procedure component the files provide")
                                                 @RequestParam(required = false) String component,
                                                 HttpServletRequest request)
            throws IOException, RejectedScanException, InterruptedException {
        Identifier.DOSSIER_CODE.check(code);
        DocumentRole documentRole = DocumentRole.of(role);
        AgencyScope scope = scopes.of(request);
        guard.requireDossierWritable(code, scope);
        if (!scope.isAll() && !guard.dossierExists(code)) {
            // a new dossier belongs to the officer's agency, or the officer could not see it
            registry.dossier(new Registry.DossierFacts(code, null, null, null, null, null), scope, CurrentUser.actor());
        }
        List<Uploaded> uploaded = new ArrayList<>();
        for (MultipartFile file : files) {
            Path folder = Files.createDirectories(uploads.resolve(UUID.randomUUID().toString()));
            Path target = folder.resolve(safeName(file.getOriginalFilename()));
            try {
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                String name = target.getFileName().toString();
                events.publish(new ProcessingEvents.Event(code, name, "processing", null, null));
                Uploaded answer;
                try {
                    answer = digitize(code, target, name, documentRole, component, CaptureAgency.of(scope));
                } catch (RejectedScanException | IOException | RuntimeException e) {
                    events.publish(new ProcessingEvents.Event(code, name, "failed", null, e.getMessage()));
                    throw e;
                }
                events.publish(new ProcessingEvents.Event(code, name, answer.queued() ? "queued"
                        : answer.duplicate() ? "duplicate" : "done",
                        answer.documentId() == null ? null : answer.documentId().toString(), null));
                uploaded.add(answer);
            } finally {
                // the original is kept under originals/ by then; the upload copy goes
                Files.deleteIfExists(target);
                Files.deleteIfExists(folder);
            }
        }
        boolean queued = uploaded.stream().anyMatch(Uploaded::queued);
        return ResponseEntity.status(queued ? HttpStatus.ACCEPTED : HttpStatus.CREATED).body(uploaded);
    }

    /** Queues the file unless these bytes are already a document of the dossier, and waits for its outcome. */
    private Uploaded digitize(String code, Path file, String name, DocumentRole role, String component,
                              CaptureAgency agency) throws IOException, RejectedScanException, InterruptedException {
        String href = "/api/dossiers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
        Optional<UUID> existing = records.findDocument(code, Scan.sha256(file));
        if (existing.isPresent()) {
            audit.record(CurrentUser.actor(), "file.uploaded", null, existing.get(),
                    Map.of("dossier", code, "name", name, "duplicate", true));
            return new Uploaded(name, existing.get(), true, false, href);
        }
        ScanJob job = intake.accept(file, Optional.of(code), "upload", agency, null,
                new Delivery(role, component, CurrentUser.actor()));
        Optional<WorkStore.Outcome> outcome = outcomes.await(job, work.uploadWait());
        if (outcome.isEmpty()) {
            audit.record(CurrentUser.actor(), "file.uploaded", null, null,
                    Map.of("dossier", code, "name", name, "queued", true));
            return new Uploaded(name, null, false, true, href);
        }
        if (outcome.get() instanceof WorkStore.Outcome.Rejected rejected) {
            throw new RejectedScanException(reasonOf(rejected.reason()), rejected.message());
        }
        UUID documentId = ((WorkStore.Outcome.Recorded) outcome.get()).documentId();
        audit.record(CurrentUser.actor(), "file.uploaded", null, documentId,
                Map.of("dossier", code, "name", name, "duplicate", false));
        return new Uploaded(name, documentId, false, false, href);
    }

    private static RejectedScanException.Reason reasonOf(String reason) {
        try {
            return RejectedScanException.Reason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException e) {
            return RejectedScanException.Reason.OCR_FAILED;
        }
    }

    /** The last part of the browser's file name, without control characters; a dot name gets a prefix. */
    static String safeName(String name) {
        String normalized = name == null ? "" : name.replace('\\', '/');
        String base = normalized.substring(normalized.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() || base.startsWith(".") ? "upload" + base : base;
    }
}
