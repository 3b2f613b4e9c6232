package vn.sohoa.scanner.escl;

import java.util.Objects;

/**
 * What to scan: the body of {@code POST /eSCL/ScanJobs}.
 *
 * @param resolution dpi, the same across and along the page
 * @param documentFormat {@link #JPEG} (one image per page) or {@link #PDF}
 * @param duplex both sides, feeder only
 * @param width scan region width in 1/300 inch
 * @param height scan region height in 1/300 inch
 */
public record ScanSettings(InputSource source, int resolution, ColorMode colorMode, String documentFormat,
        boolean duplex, int width, int height) {

    public static final String JPEG = "image/jpeg";
    public static final String PDF = "application/pdf";
    /** A4 in 1/300 inch: 210 x 297 mm. */
    public static final int A4_WIDTH = 2480;
    public static final int A4_HEIGHT = 3508;

    public ScanSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(colorMode, "colorMode");
        Objects.requireNonNull(documentFormat, "documentFormat");
        if (resolution <= 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Resolution and scan region must be positive, got " + resolution
                    + " dpi and " + width + "x" + height + "/300 in.");
        }
        if (duplex && source != InputSource.FEEDER) {
            throw new IllegalArgumentException("Duplex scanning needs the feeder, not the " + source + ".");
        }
    }

    /** An A4 page, one side. */
    public static ScanSettings a4(InputSource source, int resolution, ColorMode colorMode, String documentFormat) {
        return new ScanSettings(source, resolution, colorMode, documentFormat, false, A4_WIDTH, A4_HEIGHT);
    }

    public ScanSettings withDuplex(boolean duplex) {
        return new ScanSettings(source, resolution, colorMode, documentFormat, duplex, width, height);
    }

    /** The same settings with the region cut down to what the device can scan. */
    ScanSettings withinRegion(int maxWidth, int maxHeight) {
        return new ScanSettings(source, resolution, colorMode, documentFormat, duplex,
                maxWidth > 0 ? Math.min(width, maxWidth) : width, maxHeight > 0 ? Math.min(height, maxHeight) : height);
    }

    /** The eSCL ScanSettings XML document. */
    public String toXml() {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<scan:ScanSettings xmlns:scan=\"").append(EsclXml.SCAN_NS)
                .append("\" xmlns:pwg=\"").append(EsclXml.PWG_NS).append("\">\n")
                .append("  <pwg:Version>2.0</pwg:Version>\n")
                .append("  <scan:Intent>Document</scan:Intent>\n")
                .append("  <pwg:ScanRegions>\n    <pwg:ScanRegion>\n")
                .append("      <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>\n")
                .append("      <pwg:XOffset>0</pwg:XOffset>\n      <pwg:YOffset>0</pwg:YOffset>\n")
                .append("      <pwg:Width>").append(width).append("</pwg:Width>\n")
                .append("      <pwg:Height>").append(height).append("</pwg:Height>\n")
                .append("    </pwg:ScanRegion>\n  </pwg:ScanRegions>\n")
                .append("  <pwg:InputSource>").append(source.esclName()).append("</pwg:InputSource>\n")
                .append("  <scan:ColorMode>").append(colorMode.esclName()).append("</scan:ColorMode>\n")
                .append("  <pwg:DocumentFormat>").append(EsclXml.escape(documentFormat)).append("</pwg:DocumentFormat>\n")
                .append("  <scan:DocumentFormatExt>").append(EsclXml.escape(documentFormat)).append("</scan:DocumentFormatExt>\n")
                .append("  <scan:XResolution>").append(resolution).append("</scan:XResolution>\n")
                .append("  <scan:YResolution>").append(resolution).append("</scan:YResolution>\n");
        if (source == InputSource.FEEDER) {
            xml.append("  <scan:Duplex>").append(duplex).append("</scan:Duplex>\n");
        }
        return xml.append("</scan:ScanSettings>\n").toString();
    }
}
