package vn.sohoa.app.work;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code sohoa.work.page.v1} on {@code sohoa.work.pages}: clean up and OCR one page of a planned document.
 *
 * @param documentJob the planned document ({@code work_document.id})
 * @param page its page number in the document, 1-based
 * @param sourcePath the stored file to decode it from, relative to SOHOA_HOME
 * @param sourcePage its page number in that file, 1-based
 */
public record PageJob(UUID documentJob, int page, String sourcePath, int sourcePage) implements Job {

    public static final String SCHEMA = "sohoa.work.page.v1";

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public String messageId() {
        return documentJob + "/" + page;
    }

    @Override
    public List<String> paths() {
        return Arrays.asList(sourcePath);
    }
}
