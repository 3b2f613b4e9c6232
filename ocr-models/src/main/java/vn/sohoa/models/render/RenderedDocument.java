package vn.sohoa.models.render;

import java.util.List;
import java.util.stream.Collectors;

/** A document rendered to pages, with exact ground truth per page. */
public record RenderedDocument(AdministrativeDocument document, List<RenderedPage> pages) {

    public RenderedDocument {
        pages = List.copyOf(pages);
    }

    /** Ground-truth text of all pages, pages separated by a form feed ("\f"). */
    public String groundTruthText() {
        return pages.stream().map(page -> page.groundTruth().text()).collect(Collectors.joining("\f"));
    }

    public RenderedPage lastPage() {
        return pages.get(pages.size() - 1);
    }
}
