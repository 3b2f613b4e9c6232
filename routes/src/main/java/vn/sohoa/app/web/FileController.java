package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.sohoa.app.records.DossierQueries;
import vn.sohoa.app.records.NotFoundException;

/** Downloads of stored files: originals byte for byte, and the archival PDFs. */
@RestController
@Tag(name = "Tệp", description = "Original and PDF downloads")
public class FileController {

    private final DossierQueries queries;
    private final AgencyScopes scopes;

    public FileController(DossierQueries queries, AgencyScopes scopes) {
        this.queries = queries;
        this.scopes = scopes;
    }

    static String href(UUID fileId) {
        return "/api/files/" + fileId;
    }

    @GetMapping("/api/files/{id}")
    @Operation(summary = "Download a stored file; its SHA-256 is in the ETag and X-Content-SHA256 headers")
    public ResponseEntity<Resource> file(@PathVariable UUID id, HttpServletRequest request) {
        DossierQueries.StoredFile file = queries.file(id, scopes.of(request))
                .orElseThrow(() -> new NotFoundException("no file " + id));
        if (!Files.isRegularFile(file.path())) {
            throw new NotFoundException("file " + id + " is recorded but missing from the disk: " + file.path());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.size())
                .eTag("\"" + file.sha256() + "\"")
                .header("X-Content-SHA256", file.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file.path()));
    }
}
