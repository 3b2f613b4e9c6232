package vn.sohoa.pipeline.intake;

import java.nio.file.Path;

/**
 * Where a decoded page's pixels are stored in its file, still compressed: page {@code index} (from 0) of
 * {@code file}, a {@code format} file. Writers that can copy compressed pixels as they are (the archive PDF)
 * read them from here instead of compressing the decoded page again.
 */
public record PageSource(Path file, ScanFormat format, int index) {
}
