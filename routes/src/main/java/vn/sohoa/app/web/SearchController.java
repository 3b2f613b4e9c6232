package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import vn.sohoa.app.records.DocumentSearch;

/** Search over OCR text and fields, accent- and case-insensitive, ranked, with highlighted snippets. */
@RestController
@Tag(name = "Tìm kiếm", description = "Accent-insensitive full-text search")
public class SearchController {

    private final DocumentSearch search;
    private final AgencyScopes scopes;

    public SearchController(DocumentSearch search, AgencyScopes scopes) {
        this.search = search;
        this.scopes = scopes;
    }

    /** {@code snippet} is HTML: the text escaped, the matched words in &lt;mark&gt;. */
    public record SearchHit(String dossierCode, UUID documentId, Integer page, String type, String role, double rank,
                            String snippet, String dossierHref) {
    }

    public record SearchResults(String query, int limit, int offset, List<SearchHit> hits) {
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search documents: \"ho so dat dai\" finds \"hồ sơ đất đai\"; page null means a field matched")
    public SearchResults search(@Parameter(description = "words, with or without accents") @RequestParam String q,
                                @RequestParam(defaultValue = "20") int limit,
                                @RequestParam(defaultValue = "0") int offset, HttpServletRequest request) {
        List<SearchHit> hits = search.search(q, scopes.of(request), limit, offset).stream()
                .map(h -> new SearchHit(h.dossierCode(), h.documentId(), h.pageNumber(), h.type(), h.role(), h.rank(),
                        html(h.snippet()), "/api/dossiers/" + org.springframework.web.util.UriUtils.encodePathSegment(
                                h.dossierCode(), java.nio.charset.StandardCharsets.UTF_8)))
                .toList();
        return new SearchResults(q, limit, offset, hits);
    }

    static String html(String snippet) {
        return HtmlUtils.htmlEscape(snippet == null ? "" : snippet)
                .replace(DocumentSearch.START, "<mark>").replace(DocumentSearch.STOP, "</mark>");
    }
}
