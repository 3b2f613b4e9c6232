package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.records.NotFoundException;
import vn.sohoa.app.security.CurrentUser;

/** For the web page: page images, live processing events, the review queue and reviewers' decisions. */
@RestController
@Tag(name = "Trang web", description = "Page images, processing events, review")
public class DocumentController {

    private final ReviewQueue review;
    private final PageImages images;
    private final ProcessingEvents events;
    private final AgencyScopes scopes;
    private final ScopeGuard guard;

    public DocumentController(ReviewQueue review, PageImages images, ProcessingEvents events, AgencyScopes scopes,
                              ScopeGuard guard) {
        this.review = review;
        this.images = images;
        this.events = events;
        this.scopes = scopes;
        this.guard = guard;
    }

    @GetMapping(path = "/api/documents/{id}/pages/{page}.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A page of the document's archival PDF as a PNG (100 dpi)")
    public ResponseEntity<byte[]> page(@PathVariable UUID id, @PathVariable int page, HttpServletRequest request)
            throws IOException {
        var pdf = review.pdf(id, scopes.of(request)).orElseThrow(() -> new NotFoundException("no document " + id));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache().cachePrivate())
                .body(images.png(pdf, page));
    }

    @GetMapping(path = "/api/dossiers/{code}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events as the dossier's uploaded files are processed (a dossier the account"
            + " reads; 404 otherwise, 429 past the number of open streams allowed)")
    public SseEmitter events(@PathVariable String code, HttpServletRequest request) {
        AgencyScope scope = scopes.of(request);
        // unknown and another agency's dossier get the same answer, so that the stream tells nobody what exists
        if (!guard.dossierWithin(code, scope)) {
            throw new NotFoundException("no dossier with code " + code);
        }
        return events.listen(code, CurrentUser.actor(), scope);
    }

    @GetMapping("/api/review/queue")
    @Operation(summary = "Documents waiting for review, oldest first")
    public List<ReviewQueue.Item> queue(@RequestParam(defaultValue = "50") int limit, HttpServletRequest request) {
        return review.waiting(scopes.of(request), limit);
    }

    @PostMapping("/api/review/documents/{id}")
    @Operation(summary = "Confirm, correct fields, or reclassify a document; corrections are kept for training")
    public Map<String, String> decide(@PathVariable UUID id, @RequestBody ReviewQueue.Decision decision,
                                      HttpServletRequest request) {
        guard.requireDocument(id, scopes.of(request));
        return Map.of("reviewState", review.decide(id, decision, CurrentUser.actor()));
    }
}
