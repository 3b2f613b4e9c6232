package vn.sohoa.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Puts sheet PDFs one after the other into one PDF to print. */
final class SheetPdfs {

    private SheetPdfs() {
    }

    static byte[] concatenate(List<byte[]> pdfs) {
        if (pdfs.size() == 1) {
            return pdfs.get(0);
        }
        try (PDDocument all = new PDDocument()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] pdf : pdfs) {
                try (PDDocument part = Loader.loadPDF(pdf)) {
                    merger.appendDocument(all, part);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            all.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the sheets into one PDF: " + e.getMessage(), e);
        }
    }
}
