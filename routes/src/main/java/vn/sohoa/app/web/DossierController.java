package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.sohoa.app.records.DossierDetails;
import vn.sohoa.app.records.DossierQueries;
import vn.sohoa.app.records.NotFoundException;

/** A dossier with its documents, their fields and links to their files. */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Hồ sơ", description = "Dossiers and their digitized documents")
public class DossierController {

    private final DossierQueries queries;
    private final AgencyScopes scopes;

    public DossierController(DossierQueries queries, AgencyScopes scopes) {
        this.queries = queries;
        this.scopes = scopes;
    }

    public record FileLink(UUID id, String kind, String name, String mediaType, String sha256, long size, String href) {
    }

    public record DocumentView(UUID id, String role, String componentCode, String deliveredBy, String type,
                               double typeConfidence,
                               String reviewState, int pageCount, Map<String, Object> fields, String recordedAt,
                               List<FileLink> files) {
    }

    public record DossierView(String code, DossierDetails.Named agency, DossierDetails.Named procedure,
                              String receivedOn, String dueOn, String status, List<DocumentView> documents) {
    }

    @GetMapping("/{code}")
    @Operation(summary = "A dossier by its code (mã hồ sơ): documents, fields, and links to the original and PDF")
    public DossierView dossier(@PathVariable String code, HttpServletRequest request) {
        DossierDetails dossier = queries.dossier(code, scopes.of(request))
                .orElseThrow(() -> new NotFoundException("no dossier with code " + code));
        return new DossierView(dossier.code(), dossier.agency(), dossier.procedure(), text(dossier.receivedOn()),
                text(dossier.dueOn()), dossier.status(), dossier.documents().stream().map(DossierController::view).toList());
    }

    private static DocumentView view(DossierDetails.DocumentDetails document) {
        return new DocumentView(document.id(), document.role(), document.componentCode(), document.deliveredBy(),
                document.type(),
                document.typeConfidence(), document.reviewState(), document.pageCount(), document.fields(),
                text(document.recordedAt()), document.files().stream().map(f -> new FileLink(f.id(), f.kind(), f.name(),
                        f.mediaType(), f.sha256(), f.size(), FileController.href(f.id()))).toList());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
