package vn.sohoa.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.sohoa.app.intake.BatchPlan;
import vn.sohoa.app.intake.DossierCodes;
import vn.sohoa.app.intake.PageMarkerReader;
import vn.sohoa.app.publish.DocumentJson;
import vn.sohoa.models.render.ScanFileWriter;
import vn.sohoa.models.render.ScanFormat;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.scanner.ScannerException;
import vn.sohoa.scanner.coversheet.BatchSplitter;
import vn.sohoa.scanner.coversheet.PageMarker;
import vn.sohoa.scanner.escl.ColorMode;
import vn.sohoa.scanner.escl.EsclScanner;
import vn.sohoa.scanner.escl.InputSource;
import vn.sohoa.scanner.escl.ScanSettings;
import vn.sohoa.scanner.escl.ScannedDocument;
import vn.sohoa.scanner.sane.OpenSaneDevice;
import vn.sohoa.scanner.sane.SaneDeviceInfo;
import vn.sohoa.scanner.sane.SaneScanSettings;
import vn.sohoa.scanner.sane.SaneScanner;

/**
 * {@code sohoa scan}: a reception-desk scan session from the desk's scanner (SANE network scanner or an
 * eSCL/AirScan device) straight into a dossier. The pages are kept as scanned (a lossless TIFF, or the
 * device's own JPEG files), cut into documents by separator sheets, and either digitized here into
 * DIR/&lt;dossier&gt;/&lt;n&gt;.pdf or handed to a running service through its inbox.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = {"Quét từ máy quét của bộ phận một cửa (SANE, eSCL/AirScan) vào một hồ sơ.",
                "Quét hồ sơ tại bộ phận một cửa từ máy quét (SANE hoặc eSCL/AirScan) vào một hồ sơ:",
                "tờ phân tách tách các tài liệu; tài liệu được số hóa vào DIR/<mã hồ sơ>/<n>.pdf, hoặc",
                "đưa vào thư mục inbox của dịch vụ (--inbox) để dịch vụ số hóa, lưu và thông báo.",
                "Exit status: 0 all documents ok, 1 a document failed, 2 the scanner failed (message says why)."})
public final class ScanCommand implements Callable<Integer> {

    static final int SCANNER_FAILED = 2;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Which scanner: exactly one of a saned address or an eSCL address. */
    static final class Device {
        @Option(names = "--sane", paramLabel = "HOST:PORT", description = "A SANE network scanner (saned), e.g. 192.168.1.20:6566.")
        String sane;

        @Option(names = "--escl", paramLabel = "URL", description = "An eSCL (AirScan) scanner, e.g. http://192.168.1.21/eSCL/.")
        URI escl;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Device device;

    @picocli.CommandLine.Mixin
    SigningOptions signing = new SigningOptions();

    @Option(names = "--device", paramLabel = "NAME", description = "The SANE device name (default: the first one saned lists).")
    String deviceName;

    @Option(names = {"-d", "--dossier"}, required = true, paramLabel = "CODE",
            converter = IdentifierConverter.DossierCode.class, description = "The dossier (mã hồ sơ) the pages belong to.")
    String dossierCode;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "feeder",
            description = "flatbed, feeder or duplex (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--dpi", paramLabel = "DPI", defaultValue = "300", description = "Resolution (default: ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "color",
            description = "color, gray or lineart (default: ${DEFAULT-VALUE}; colour keeps red seals and blue signatures).")
    String mode;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "sohoa-scans",
            description = "Where the scanned pages and the PDFs go (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--inbox", paramLabel = "DIR",
            description = "A running service's inbox (SOHOA_HOME/inbox): documents go to DIR/<mã hồ sơ>/ instead of being digitized here.")
    Path inbox;

    @Option(names = "--blank-separates", description = "A blank page also starts a new document.")
    boolean blankSeparates;

    @Option(names = "--json", description = "One JSON line per document on stdout (the sohoa ocr contract plus dossierCode).")
    boolean json;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "OCR threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The pages as the scanner gave them, and the file that keeps them. */
    record Acquired(List<PageImage> pages, Path original) {
    }

    @Override
    public Integer call() throws IOException {
        Quiet.logging();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Path dossierDir = outputDir.resolve(DossierCodes.safeDirectoryName(dossierCode));
        Files.createDirectories(dossierDir);
        Acquired acquired;
        try {
            acquired = acquire(dossierDir.resolve("scan-" + LocalDateTime.now().format(STAMP)));
        } catch (ScannerException e) {
            err.println("Máy quét báo lỗi: " + e.getMessage());
            return SCANNER_FAILED;
        }
        err.printf("Đã quét %d trang, lưu bản gốc tại %s%n", acquired.pages().size(), acquired.original());
        List<BatchPlan.BatchDocument> documents = cut(acquired.pages());
        return inbox != null ? handToService(acquired, documents, err) : digitizeHere(acquired, documents, out, err);
    }

    private Acquired acquire(Path originalBase) throws ScannerException, IOException {
        List<BufferedImage> images = new ArrayList<>();
        Path original;
        if (device.sane != null) {
            try (SaneScanner saned = SaneScanner.connect(saneAddress(device.sane), Duration.ofSeconds(60))) {
                String name = deviceName != null ? deviceName : saned.devices().stream().findFirst()
                        .map(SaneDeviceInfo::name).orElseThrow(() -> new IllegalStateException("saned at " + device.sane
                                + " lists no scanner: check that the scanner is on and shared by saned"));
                try (OpenSaneDevice scanner = saned.open(name)) {
                    SaneScanSettings.Source saneSource = switch (source) {
                        case "flatbed" -> SaneScanSettings.Source.FLATBED;
                        case "duplex" -> SaneScanSettings.Source.FEEDER_DUPLEX;
                        default -> SaneScanSettings.Source.FEEDER;
                    };
                    scanner.configure(SaneScanSettings.a4(dpi, switch (mode) {
                        case "gray" -> SaneScanSettings.Mode.GRAY;
                        case "lineart" -> SaneScanSettings.Mode.LINEART;
                        default -> SaneScanSettings.Mode.COLOR;
                    }, saneSource));
                    if (saneSource == SaneScanSettings.Source.FLATBED) {
                        images.add(scanner.acquirePage());
                    } else {
                        scanner.acquireFeederBatch(images::add);
                    }
                }
            }
            // the scanner's pixels, kept losslessly (G4 for line art) as the original of this session
            original = originalBase.resolveSibling(originalBase.getFileName() + ".tif");
            ScanFileWriter.write(images, dpi, ScanFormat.TIFF, original);
        } else {
            InputSource esclSource = "flatbed".equals(source) ? InputSource.PLATEN : InputSource.FEEDER;
            ColorMode colour = switch (mode) {
                case "gray" -> ColorMode.GRAYSCALE;
                case "lineart" -> ColorMode.BLACK_AND_WHITE;
                default -> ColorMode.COLOR;
            };
            List<ScannedDocument> scanned = EsclScanner.at(device.escl)
                    .scan(ScanSettings.a4(esclSource, dpi, colour, ScanSettings.JPEG).withDuplex("duplex".equals(source)));
            // the device's own JPEG files are the originals, byte for byte
            original = originalBase;
            Files.createDirectories(original);
            for (ScannedDocument page : scanned) {
                Files.write(original.resolve(String.format("page-%03d.jpg", page.sequence())), page.bytes());
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.bytes()));
                if (image == null) {
                    throw new IOException("the scanner sent page " + page.sequence() + " in a form that cannot be read ("
                            + page.contentType() + ")");
                }
                images.add(image);
            }
        }
        List<PageImage> pages = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            pages.add(new PageImage(i + 1, images.get(i), dpi, true));
        }
        return new Acquired(pages, original);
    }

    private static InetSocketAddress saneAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon > 0
                ? new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))
                : new InetSocketAddress(hostPort, 6566);
    }

    /** Pages belong to the dossier given; separator sheets (and a cover sheet of another dossier) cut them. */
    private List<BatchPlan.BatchDocument> cut(List<PageImage> pages) {
        PageMarkerReader reader = PageMarkerReader.standard();
        List<PageMarker> markers = new ArrayList<>();
        markers.add(new PageMarker.Cover(dossierCode, PageMarker.CoverKind.COVER_SHEET));
        for (PageImage page : pages) {
            markers.add(reader.read(page));
        }
        List<BatchPlan.BatchDocument> documents = new ArrayList<>();
        for (BatchPlan.BatchDocument document : BatchPlan.of(markers, new BatchSplitter(blankSeparates)).documents()) {
            // positions count the cover sheet put first
            documents.add(new BatchPlan.BatchDocument(document.index(), document.dossierCode(),
                    document.pages().stream().map(p -> p - 1).toList()));
        }
        return documents;
    }

    private int digitizeHere(Acquired acquired, List<BatchPlan.BatchDocument> documents, PrintStream out, PrintStream err)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        OutputNumbering numbering = new OutputNumbering(outputDir, List.of());
        Path sourceFile = Files.isDirectory(acquired.original())
                ? firstFile(acquired.original()) : acquired.original();
        boolean allOk = true;
        try (Digitizer digitizer = new Digitizer(signing.applyTo(DigitizerSettings.defaults().withOcrThreads(threads)))) {
            for (BatchPlan.BatchDocument document : documents) {
                Path target = outputDir.resolve(numbering.next(DossierCodes.safeDirectoryName(document.dossierCode())));
                List<PageImage> pages = document.pages().stream().map(acquired.pages()::get).toList();
                Map<String, Object> line;
                try {
                    DigitizedDocument result = digitizer.digitizePages(Scan.of(sourceFile, document.dossierCode()), pages, target);
                    line = new LinkedHashMap<>(DocumentJson.ok(acquired.original().toString(), result));
                    err.printf("xong    %s (%d trang, loại %s)%n", target, pages.size(), result.document().type().code());
                } catch (RejectedScanException e) {
                    allOk = false;
                    line = new LinkedHashMap<>(DocumentJson.failed(acquired.original().toString(), e.getMessage()));
                    err.printf("lỗi     tài liệu %d: %s%n", document.index(), e.getMessage());
                }
                line.put("dossierCode", document.dossierCode());
                line.put("document", document.index());
                line.put("inputPages", BatchPlan.pageRanges(document.pages()));
                if (json) {
                    out.println(mapper.writeValueAsString(line));
                }
            }
        }
        return allOk ? 0 : 1;
    }

    /** Each document as a lossless TIFF in inbox/&lt;dossier&gt;/, written under a dot name and renamed. */
    private int handToService(Acquired acquired, List<BatchPlan.BatchDocument> documents, PrintStream err) throws IOException {
        String stamp = LocalDateTime.now().format(STAMP);
        for (BatchPlan.BatchDocument document : documents) {
            Path dir = Files.createDirectories(inbox.resolve(DossierCodes.safeDirectoryName(document.dossierCode())));
            String name = "scan-" + stamp + "-" + document.index() + ".tif";
            Path partial = dir.resolve("." + name);
            ScanFileWriter.write(document.pages().stream().map(p -> acquired.pages().get(p).image()).toList(), dpi,
                    ScanFormat.TIFF, partial);
            Files.move(partial, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            err.printf("đã gửi %s (%d trang) cho dịch vụ%n", dir.resolve(name), document.pages().size());
        }
        return 0;
    }

    private static Path firstFile(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted().findFirst().orElseThrow(() -> new IOException("no page was scanned"));
        }
    }
}
