package vn.sohoa.pipeline.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The font of the invisible text layer: one blank glyph, half an em wide, for every character (Tesseract's
 * 572-byte "GlyphLessFont", glyphless.ttf, Apache-2.0), as a composite font whose character codes are the
 * text's UTF-16 code units and whose ToUnicode map gives them back, so that search, selection and copying
 * read Vietnamese. A few hundred bytes per PDF where an embedded subset of a real font took 20 to 30 KB;
 * nothing is drawn with it (text rendering mode 3), which PDF/A-2 allows without the real glyphs.
 */
final class GlyphlessFont {

    /** Width of every glyph, in thousandths of the font size. */
    static final int GLYPH_WIDTH = 500;

    private static final byte[] PROGRAM = program();

    private final COSDictionary dictionary;
    private final COSStream toUnicode;
    /** The high bytes of the character codes shown, each a range of the ToUnicode map. */
    private final java.util.BitSet blocks = new java.util.BitSet(256);

    /** The font for the pages of {@code doc}: one dictionary shared by all of them. */
    GlyphlessFont(PDDocument doc) throws IOException {
        this.toUnicode = doc.getDocument().createCOSStream();
        this.dictionary = create(doc, toUnicode);
    }

    COSDictionary dictionary() {
        return dictionary;
    }

    /**
     * The text as a PDF hex string of its UTF-16 code units; characters outside the Basic Multilingual
     * Plane (no Vietnamese letter is) become '?'.
     */
    String hex(String text) {
        StringBuilder out = new StringBuilder(2 + 4 * text.length()).append('<');
        text.codePoints().forEach(cp -> {
            int code = cp > 0xFFFF ? '?' : cp;
            blocks.set(code >> 8);
            out.append(String.format("%04X", code));
        });
        return out.append('>').toString();
    }

    /**
     * Writes the ToUnicode map, once every page's text is shown: code equals Unicode over the 256-code
     * blocks the text used (Vietnamese needs four or five: Latin, Latin Extended-A and -B, combining marks,
     * Latin Extended Additional), each a range that varies in the last byte only.
     */
    void finish() throws IOException {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        int[] used = blocks.stream().toArray();
        for (int from = 0; from < used.length; from += 100) {
            int n = Math.min(100, used.length - from);
            cmap.append(n).append(" beginbfrange\n");
            for (int i = from; i < from + n; i++) {
                cmap.append(String.format("<%02X00> <%02XFF> <%02X00>%n", used[i], used[i], used[i]));
            }
            cmap.append("endbfrange\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        write(toUnicode, cmap.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static COSDictionary create(PDDocument doc, COSStream toUnicode) throws IOException {
        COSStream fontFile = doc.getDocument().createCOSStream();
        fontFile.setInt(COSName.LENGTH1, PROGRAM.length);
        write(fontFile, PROGRAM);

        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "GlyphLessFont");
        descriptor.setInt(COSName.FLAGS, 5);
        COSArray bbox = new COSArray();
        for (int v : new int[] {0, 0, GLYPH_WIDTH, 1000}) {
            bbox.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 1000);
        descriptor.setInt(COSName.DESCENT, 0);
        descriptor.setInt(COSName.CAP_HEIGHT, 1000);
        descriptor.setInt(COSName.STEM_V, 80);
        descriptor.setItem(COSName.FONT_FILE2, fontFile);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);

        // every character code (a UTF-16 code unit) is drawn with glyph 1
        byte[] gids = new byte[2 * 65536];
        for (int i = 1; i < gids.length; i += 2) {
            gids[i] = 1;
        }
        COSStream cidToGid = doc.getDocument().createCOSStream();
        write(cidToGid, gids);

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, "GlyphLessFont");
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.getPDFName("DW"), GLYPH_WIDTH);
        cidFont.setItem(COSName.CID_TO_GID_MAP, cidToGid);

        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "GlyphLessFont");
        font.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        font.setItem(COSName.TO_UNICODE, toUnicode);
        return font;
    }

    /** How wide {@code text} is at size 1 before horizontal scaling. */
    static float width(String text) {
        return text.codePointCount(0, text.length()) * GLYPH_WIDTH / 1000f;
    }

    private static void write(COSStream stream, byte[] bytes) throws IOException {
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(bytes);
        }
    }

    private static byte[] program() {
        try (InputStream in = GlyphlessFont.class.getResourceAsStream("glyphless.ttf")) {
            if (in == null) {
                throw new IllegalStateException("glyphless.ttf is missing from the pipeline jar");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read glyphless.ttf", e);
        }
    }
}
