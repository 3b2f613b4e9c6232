package vn.sohoa.app.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/** A page of an archival PDF as a PNG, rendered on demand for the reception and review pages. */
@Component
public class PageImages {

    static final int DPI = 100;

    public byte[] png(Path pdf, int pageNumber) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            if (pageNumber < 1 || pageNumber > document.getNumberOfPages()) {
                throw new vn.sohoa.app.records.NotFoundException("no page " + pageNumber);
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(pageNumber - 1, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
