package vn.sohoa.app.work;

import java.util.List;
import java.util.UUID;

/**
 * {@code sohoa.work.document.v1} on {@code sohoa.work.documents}: every page of the planned document is read;
 * classify, extract, write the PDF/A and record it.
 */
public record DocumentJob(UUID documentJob) implements Job {

    public static final String SCHEMA = "sohoa.work.document.v1";

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public String messageId() {
        return documentJob.toString();
    }

    @Override
    public List<String> paths() {
        return List.of();
    }
}
