package vn.sohoa.pipeline.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The scanned PDFs an archive copy's pages come from, each opened once while the copy is written (a
 * 100-page scan is not parsed 100 times) and closed with it.
 */
final class SourcePdfs implements AutoCloseable {

    private final Map<Path, PDDocument> open = new HashMap<>();

    PDDocument get(Path file) throws IOException {
        PDDocument doc = open.get(file);
        if (doc == null) {
            doc = Loader.loadPDF(file.toFile());
            open.put(file, doc);
        }
        return doc;
    }

    @Override
    public void close() throws IOException {
        for (PDDocument doc : open.values()) {
            doc.close();
        }
        open.clear();
    }
}
