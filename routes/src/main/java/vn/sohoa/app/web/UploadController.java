package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.intake.InboxScanProcessor;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.records.AuditTrail;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.security.CurrentUser;
import vn.sohoa.app.records.Registry;
import vn.sohoa.pipeline.RejectedScanException;

/**
 * Upload of scans to a dossier. Each file is written to SOHOA_HOME/uploads, then goes the inbox's way
 * (InboxScanProcessor): its original stored under its SHA-256 first, then digitized, recorded and announced.
 * A result ("kết quả") or a known procedure component can be said with {@code role} and {@code component}.
 */
@RestController
@Tag(name = "Tải lên", description = "Upload scans to a dossier")
public class UploadController {

    private final InboxScanProcessor processor;
    private final Registry registry;
    private final Path uploads;
    private final AgencyScopes scopes;
    private final ScopeGuard guard;
    private final ProcessingEvents events;
    private final AuditTrail audit;

    public UploadController(InboxScanProcessor processor, Registry registry, SohoaProperties properties,
                            AgencyScopes scopes, ScopeGuard guard, ProcessingEvents events, AuditTrail audit) {
        this.processor = processor;
        this.registry = registry;
        this.uploads = properties.home().resolve("uploads");
        this.scopes = scopes;
        this.guard = guard;
        this.events = events;
        this.audit = audit;
    }

    public record Uploaded(String name, UUID documentId, boolean duplicate, String dossierHref) {
    }

    @PostMapping(path = "/api/dossiers/{code}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload scans (JPEG, PNG, TIFF, PDF) to a dossier; they are digitized before the answer")
    public List<Uploaded> upload(@PathVariable String code, @RequestParam("file") List<MultipartFile> files,
                                 @Parameter(description = "submitted (default) or result")
                                 @RequestParam(defaultValue = "submitted") String role,
                                 @Parameter(description = "the procedure component the files provide")
                                 @RequestParam(required = false) String component,
                                 HttpServletRequest request) throws IOException, RejectedScanException {
        if (code.isBlank() || code.length() > 200) {
            throw new IllegalArgumentException("a dossier code (mã hồ sơ) of 1 to 200 characters is needed");
        }
        DocumentRole documentRole = DocumentRole.of(role);
        AgencyScope scope = scopes.of(request);
        guard.requireDossierWritable(code, scope);
        if (!scope.isAll() && !guard.dossierExists(code)) {
            // a new dossier belongs to the officer's agency, or the officer could not see it
            registry.dossier(new Registry.DossierFacts(code, scope.agencyCode(), null, null, null, null), CurrentUser.actor());
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
                InboxScanProcessor.Outcome outcome;
                try {
                    outcome = processor.process(target, code);
                } catch (RejectedScanException | IOException | RuntimeException e) {
                    events.publish(new ProcessingEvents.Event(code, name, "failed", null, e.getMessage()));
                    throw e;
                }
                if (!outcome.duplicate() && (documentRole != DocumentRole.SUBMITTED || component != null)) {
                    registry.classifyDocument(outcome.documentId(), documentRole, component, CurrentUser.actor());
                }
                audit.record(CurrentUser.actor(), "file.uploaded", null, outcome.documentId(),
                        java.util.Map.of("dossier", code, "name", name, "duplicate", outcome.duplicate()));
                events.publish(new ProcessingEvents.Event(code, name, outcome.duplicate() ? "duplicate" : "done",
                        outcome.documentId().toString(), null));
                uploaded.add(new Uploaded(target.getFileName().toString(), outcome.documentId(), outcome.duplicate(),
                        "/api/dossiers/" + org.springframework.web.util.UriUtils.encodePathSegment(code,
                                java.nio.charset.StandardCharsets.UTF_8)));
            } finally {
                // the original is kept under originals/ by then; the upload copy goes
                Files.deleteIfExists(target);
                Files.deleteIfExists(folder);
            }
        }
        return uploaded;
    }

    /** The last part of the browser's file name, without control characters; a dot name gets a prefix. */
    static String safeName(String name) {
        String normalized = name == null ? "" : name.replace('\\', '/');
        String base = normalized.substring(normalized.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() || base.startsWith(".") ? "upload" + base : base;
    }
}
