package vn.sohoa.pipeline.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font of the invisible text layer: a TrueType font with every Vietnamese letter, embedded as a
 * subset (PDF/A requires embedding) with a ToUnicode map so that copied text is Vietnamese.
 */
public final class TextLayerFont {

    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");

    private final Path file;

    public TextLayerFont(Path file) {
        this.file = file;
    }

    /** The first installed of DejaVu Sans and Liberation (2.x); bin/sohoa installs fonts-dejavu-core. */
    public static TextLayerFont system() {
        for (String candidate : CANDIDATES) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return new TextLayerFont(Path.of(candidate));
            }
        }
        throw new IllegalStateException("no font for the PDF text layer: install fonts-dejavu-core");
    }

    public PDFont load(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, file.toFile());
    }

    /** The text with characters the font cannot encode replaced by '?', so one odd glyph loses no page. */
    public String encodable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
