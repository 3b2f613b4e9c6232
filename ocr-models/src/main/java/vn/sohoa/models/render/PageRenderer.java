package vn.sohoa.models.render;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Lays out an {@link AdministrativeDocument} on A4 pages as Nghị định 30/2020/NĐ-CP appendix I prescribes and
 * draws them: margins 20/20/30/15 mm, a Times-like font, the two-column header (issuer and "Số:" on the left,
 * national motto and italic place and date on the right), the centred type title and subject, the justified
 * body over as many pages as needed (page numbers centred in the top margin from page 2), and the signature
 * block on the last page with a blue signature, a red round seal over its left third, and the signer's name.
 *
 * <p>Deterministic: the same document, dpi and typeface give the same pixels. The signature and seal shapes
 * are seeded from the document id.
 */
public final class PageRenderer {

    /** A4 in millimetres. */
    private static final double PAGE_WIDTH_MM = 210;
    private static final double PAGE_HEIGHT_MM = 297;
    private static final double TOP_MM = 20;
    private static final double BOTTOM_MM = 20;
    private static final double LEFT_MM = 30;
    private static final double RIGHT_MM = 15;
    private static final double LINE_SPACING = 1.2;
    private static final Pattern ARTICLE = Pattern.compile("^(Điều \\d+[a-zđ]?\\.).*");
    private static final Pattern ROMAN_HEADING = Pattern.compile("^[IVXL]+\\. .*");

    private enum Align { LEFT, CENTER, JUSTIFY }

    private final int dpi;
    private final Typeface typeface;
    private final float bodyPoints;

    /** A renderer at {@code dpi} with Liberation Serif (or DejaVu Serif) and a 14 pt body. */
    public PageRenderer(int dpi) {
        this(dpi, Typeface.timesLike(), 14f);
    }

    /** A renderer at {@code dpi} with the given typeface and body size (13 to 14 pt per ND 30/2020). */
    public PageRenderer(int dpi, Typeface typeface, float bodyPoints) {
        if (dpi < 50 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be between 50 and 1200, was " + dpi);
        }
        this.dpi = dpi;
        this.typeface = typeface;
        this.bodyPoints = bodyPoints;
    }

    public int dpi() {
        return dpi;
    }

    /** Renders all pages of {@code document}. */
    public RenderedDocument render(AdministrativeDocument document) {
        return new Layout(document).run();
    }

    private float px(double mm) {
        return (float) (mm * dpi / 25.4);
    }

    private Font font(Font face, double points) {
        return face.deriveFont((float) (points * dpi / 72.0));
    }

    /** The state of laying out one document: the pages so far and the vertical cursor (a baseline). */
    private final class Layout {
        private final AdministrativeDocument document;
        private final List<RenderedPage> pages = new ArrayList<>();
        private final int width = Math.round(px(PAGE_WIDTH_MM));
        private final int height = Math.round(px(PAGE_HEIGHT_MM));
        private final float left = px(LEFT_MM);
        private final float right = width - px(RIGHT_MM);
        private final float bottom = height - px(BOTTOM_MM);
        private final Font body = font(typeface.regular(), bodyPoints);
        private final Font bodyBold = font(typeface.bold(), bodyPoints);
        private final Font bodyItalic = font(typeface.italic(), bodyPoints);
        private final float lineHeight = (float) (bodyPoints * dpi / 72.0 * LINE_SPACING);
        private PageCanvas canvas;
        private float baseline;

        Layout(AdministrativeDocument document) {
            this.document = document;
        }

        RenderedDocument run() {
            canvas = new PageCanvas(width, height);
            header();
            titleAndSubject();
            for (String paragraph : document.bodyParagraphs()) {
                paragraph(paragraph);
            }
            signatureBlock();
            pages.add(canvas.finish(pages.size() + 1, dpi));
            return new RenderedDocument(document, pages);
        }

        private void header() {
            Font issuerFont = font(typeface.bold(), 13);
            Font codeFont = font(typeface.regular(), 13);
            Font mottoFont = font(typeface.bold(), 12);
            Font sloganFont = font(typeface.bold(), 13);
            Font dateFont = font(typeface.italic(), 13);
            String motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
            String slogan = "Độc lập - Tự do - Hạnh phúc";

            float textWidth = right - left;
            float rightWidth = Math.max(textWidth * 0.6f, canvas.advance(motto, mottoFont) + px(2));
            float leftColumnRight = right - rightWidth - px(2);
            float rightColumnLeft = right - rightWidth;

            List<List<StyledWord>> issuerLines = new ArrayList<>();
            for (String line : document.issuerLines()) {
                issuerLines.addAll(wrap(words(line, issuerFont), leftColumnRight - left, 0));
            }
            float issuerLead = lineHeightOf(issuerFont);
            float top = px(TOP_MM) + ascent(issuerFont);
            // rows: issuer lines + rule on the left, motto, slogan + rule on the right; then Số and date together
            float leftRuleY = top + (issuerLines.size() - 1) * issuerLead + px(2.2f);
            float rightRuleY = top + lineHeightOf(mottoFont) + px(2.2f);
            float dateRow = Math.max(leftRuleY, rightRuleY) + px(3) + ascent(codeFont);

            // left column: issuer, rule, Số, and for a công văn the "V/v" subject
            float y = top;
            for (List<StyledWord> line : issuerLines) {
                placeLine(line, Align.CENTER, left, leftColumnRight, 0, y);
                y += issuerLead;
            }
            float lastIssuerWidth = lineWidth(issuerLines.get(issuerLines.size() - 1));
            float leftCenter = (left + leftColumnRight) / 2;
            float rule = Math.max(lastIssuerWidth * 0.4f, px(15));
            canvas.drawRule(leftCenter - rule / 2, leftCenter + rule / 2, leftRuleY, px(0.25f));
            placeLine(words("Số: " + document.codeNotation(), codeFont), Align.CENTER, left, leftColumnRight, 0,
                    dateRow);
            float leftBottom = dateRow;
            if (document.type() == DocumentType.CONG_VAN) {
                Font subjectFont = font(typeface.regular(), 12);
                float lead = lineHeightOf(subjectFont);
                leftBottom += px(1);
                for (List<StyledWord> line : wrap(words(document.subject(), subjectFont), leftColumnRight - left, 0)) {
                    leftBottom += lead;
                    placeLine(line, Align.CENTER, left, leftColumnRight, 0, leftBottom);
                }
            }

            // right column: motto, slogan, rule, place and date
            placeLine(words(motto, mottoFont), Align.CENTER, rightColumnLeft, right, 0, top);
            float sloganY = top + lineHeightOf(mottoFont);
            List<StyledWord> sloganWords = words(slogan, sloganFont);
            placeLine(sloganWords, Align.CENTER, rightColumnLeft, right, 0, sloganY);
            float rightCenter = (rightColumnLeft + right) / 2;
            float sloganWidth = lineWidth(sloganWords);
            canvas.drawRule(rightCenter - sloganWidth / 2, rightCenter + sloganWidth / 2, sloganY + px(2.2f),
                    px(0.25f));
            placeLine(words(document.placeAndDate(), dateFont), Align.CENTER, rightColumnLeft, right, 0, dateRow);

            baseline = leftBottom + lineHeight * 1.6f;
        }

        private void titleAndSubject() {
            Font titleFont = font(typeface.bold(), 14);
            float lead = lineHeightOf(titleFont);
            if (document.type().title().isEmpty()) {
                return;
            }
            baseline += lead * 0.3f;
            placeLine(words(document.type().title().get(), titleFont), Align.CENTER, left, right, 0, baseline);
            float textWidth = right - left;
            float subjectLeft = left + textWidth * 0.1f;
            float subjectRight = right - textWidth * 0.1f;
            float widest = 0;
            for (List<StyledWord> line : wrap(words(document.subject(), titleFont), subjectRight - subjectLeft, 0)) {
                baseline += lead;
                placeLine(line, Align.CENTER, subjectLeft, subjectRight, 0, baseline);
                widest = Math.max(widest, lineWidth(line));
            }
            float center = (left + right) / 2;
            float rule = Math.max(widest * 0.3f, px(20));
            canvas.drawRule(center - rule / 2, center + rule / 2, baseline + px(3.5f), px(0.25f));
            baseline += lineHeight * 1.8f;
        }

        private void paragraph(String text) {
            List<StyledWord> words;
            Align align = Align.JUSTIFY;
            float indent = px(12.7);
            boolean heading = CorpusDocumentParser.isCapitals(text) && text.length() <= 90;
            if (heading && !ROMAN_HEADING.matcher(text).matches()) {
                words = words(text, bodyBold);
                align = Align.CENTER;
                indent = 0;
            } else if (heading) {
                words = words(text, bodyBold);
                align = Align.LEFT;
            } else if (text.startsWith("Căn cứ") || text.startsWith("Theo đề nghị")) {
                words = words(text, bodyItalic);
            } else if (ARTICLE.matcher(text).matches()) {
                String article = ARTICLE.matcher(text).replaceFirst("$1");
                words = new ArrayList<>(words(article, bodyBold));
                words.addAll(words(text.substring(article.length()), body));
            } else {
                words = words(text, body);
            }
            List<List<StyledWord>> lines = wrap(words, right - left, indent);
            for (int i = 0; i < lines.size(); i++) {
                if (baseline + descent(body) > bottom) {
                    nextPage();
                }
                boolean last = i == lines.size() - 1;
                Align lineAlign = align == Align.JUSTIFY && last ? Align.LEFT : align;
                placeLine(lines.get(i), lineAlign, left, right, i == 0 ? indent : 0, baseline);
                baseline += lineHeight;
            }
            baseline += px(6 * 25.4 / 72); // 6 pt after a paragraph
        }

        private void signatureBlock() {
            Font signerFont = font(typeface.bold(), 13);
            Font nameFont = font(typeface.bold(), 14);
            float columnLeft = left + (right - left) * 0.45f;
            List<List<StyledWord>> lines = new ArrayList<>();
            for (String authority : document.authorityLines()) {
                lines.addAll(wrap(words(authority, signerFont), right - columnLeft, 0));
            }
            lines.addAll(wrap(words(document.signerTitle(), signerFont), right - columnLeft, 0));
            float lead = lineHeightOf(signerFont);
            float signatureSpace = px(30);
            float needed = px(4) + lines.size() * lead + signatureSpace + descent(nameFont);
            if (baseline + needed > bottom) {
                nextPage();
            }
            baseline += px(4);
            for (List<StyledWord> line : lines) {
                placeLine(line, Align.CENTER, columnLeft, right, 0, baseline);
                baseline += lead;
            }
            float titleBaseline = baseline - lead;
            float nameBaseline = titleBaseline + signatureSpace;
            placeLine(words(document.signerName(), nameFont), Align.CENTER, columnLeft, right, 0, nameBaseline);

            Random random = new Random(document.id().hashCode());
            float center = (columnLeft + right) / 2;
            float signatureWidth = px(40 + random.nextInt(10));
            float signatureHeight = px(15);
            float signatureLeft = center - signatureWidth / 2 + px(3);
            float signatureTop = titleBaseline + px(4);
            HandSignature.draw(canvas.graphics(), signatureLeft, signatureTop, signatureWidth, signatureHeight,
                    px(0.45), random);
            float sealRadius = px(17.5);
            RoundSeal.draw(canvas.graphics(), signatureLeft + px(2 + random.nextInt(4)),
                    signatureTop + signatureHeight / 2 - px(random.nextInt(4)), sealRadius, random);
            baseline = nameBaseline + lineHeight;
        }

        private void nextPage() {
            pages.add(canvas.finish(pages.size() + 1, dpi));
            canvas = new PageCanvas(width, height);
            int number = pages.size() + 1;
            placeLine(words(Integer.toString(number), body), Align.CENTER, left, right, 0, px(12));
            baseline = px(TOP_MM) + ascent(body);
        }

        /** Draws a line between {@code from} and {@code to}; a justified line stretches its spaces to fill. */
        private void placeLine(List<StyledWord> line, Align align, float from, float to, float indent, float y) {
            float[] widths = new float[line.size()];
            float total = 0;
            for (int i = 0; i < line.size(); i++) {
                widths[i] = canvas.advance(line.get(i).text(), line.get(i).font());
                total += widths[i];
            }
            float[] spaces = new float[line.size()];
            for (int i = 1; i < line.size(); i++) {
                spaces[i] = space(line.get(i - 1).font());
                total += spaces[i];
            }
            float x;
            float extra = 0;
            switch (align) {
                case CENTER -> x = from + (to - from - total) / 2;
                case JUSTIFY -> {
                    x = from + indent;
                    if (line.size() > 1) {
                        extra = Math.max(0, (to - from - indent - total) / (line.size() - 1));
                    }
                }
                default -> x = from + indent;
            }
            float[] xs = new float[line.size()];
            for (int i = 0; i < line.size(); i++) {
                x += spaces[i] + (i > 0 ? extra : 0);
                xs[i] = x;
                x += widths[i];
            }
            canvas.drawLine(line, xs, y);
        }

        /** Greedy line breaking; a word wider than a whole line is cut into pieces that fit. */
        private List<List<StyledWord>> wrap(List<StyledWord> words, float lineWidth, float firstIndent) {
            List<List<StyledWord>> lines = new ArrayList<>();
            List<StyledWord> current = new ArrayList<>();
            float used = firstIndent;
            for (StyledWord word : words) {
                for (StyledWord piece : fitting(word, lineWidth)) {
                    float w = canvas.advance(piece.text(), piece.font());
                    float gap = current.isEmpty() ? 0 : space(current.get(current.size() - 1).font());
                    if (!current.isEmpty() && used + gap + w > lineWidth) {
                        lines.add(current);
                        current = new ArrayList<>();
                        used = 0;
                        gap = 0;
                    }
                    current.add(piece);
                    used += gap + w;
                }
            }
            if (!current.isEmpty()) {
                lines.add(current);
            }
            return lines;
        }

        private List<StyledWord> fitting(StyledWord word, float lineWidth) {
            if (canvas.advance(word.text(), word.font()) <= lineWidth) {
                return List.of(word);
            }
            List<StyledWord> pieces = new ArrayList<>();
            String rest = word.text();
            while (!rest.isEmpty()) {
                int end = rest.length();
                while (end > 1 && canvas.advance(rest.substring(0, end), word.font()) > lineWidth) {
                    end = rest.offsetByCodePoints(end, -1);
                }
                pieces.add(new StyledWord(rest.substring(0, end), word.font()));
                rest = rest.substring(end);
            }
            return pieces;
        }

        private List<StyledWord> words(String text, Font font) {
            List<StyledWord> words = new ArrayList<>();
            for (String word : text.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(new StyledWord(word, font));
                }
            }
            return words;
        }

        private float lineWidth(List<StyledWord> line) {
            float total = 0;
            for (int i = 0; i < line.size(); i++) {
                total += canvas.advance(line.get(i).text(), line.get(i).font());
                if (i > 0) {
                    total += space(line.get(i - 1).font());
                }
            }
            return total;
        }

        private float space(Font font) {
            return canvas.advance(" ", font);
        }

        private float lineHeightOf(Font font) {
            return font.getSize2D() * (float) LINE_SPACING;
        }

        private float ascent(Font font) {
            return font.getSize2D() * 0.9f;
        }

        private float descent(Font font) {
            return font.getSize2D() * 0.25f;
        }
    }
}
