package vn.sohoa.models.forms;

import java.util.List;
import vn.sohoa.models.render.RenderedPage;

/** A form rendered to pages, with the exact ground truth of each page. */
public record RenderedForm(FormDocument form, List<RenderedPage> pages) {

    public RenderedForm {
        pages = List.copyOf(pages);
    }
}
