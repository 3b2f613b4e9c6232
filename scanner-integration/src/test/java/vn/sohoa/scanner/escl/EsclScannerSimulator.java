package vn.sohoa.scanner.escl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A stand-in for a real eSCL scanner (none can run where the tests run), written from the public
 * eSCL specification (Mopria Alliance eSCL Technical Specification): a flatbed and a feeder holding
 * generated pages, served from {@code 127.0.0.1} on an ephemeral port.
 *
 * <p>It answers {@code GET /eSCL/ScannerCapabilities}, {@code GET /eSCL/ScannerStatus},
 * {@code POST /eSCL/ScanJobs} (201 + Location; 409 for settings it does not offer or an empty or
 * jammed feeder; 503 while another job runs), {@code GET /eSCL/ScanJobs/{id}/NextDocument} (200 with
 * a page; 404 when the job has no more; 503 on a jam, with {@code ScannerAdfJam} in the status, or
 * while "warming up") and {@code DELETE /eSCL/ScanJobs/{id}}.
 */
public final class EsclScannerSimulator implements AutoCloseable {

    static final String MAKE_AND_MODEL = "SoHoa eSCL Simulator 1000";
    static final List<Integer> RESOLUTIONS = List.of(100, 150, 200, 300, 600);

    private final HttpServer server;
    private final AtomicInteger feederPages = new AtomicInteger();
    private final AtomicInteger jamAfter = new AtomicInteger(-1);
    private final AtomicInteger notReadyAnswers = new AtomicInteger();
    private volatile boolean jammed;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> receivedSettings = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextJobId = new AtomicInteger(1);

    /** One scan job: what was asked and how far it got. */
    static final class Job {
        final String source;
        final int resolution;
        final String colorMode;
        final String format;
        final int width;
        final int height;
        volatile int delivered;
        volatile String state = "Processing";

        Job(String source, int resolution, String colorMode, String format, int width, int height) {
            this.source = source;
            this.resolution = resolution;
            this.colorMode = colorMode;
            this.format = format;
            this.width = width;
            this.height = height;
        }

        String state() {
            return state;
        }
    }

    private EsclScannerSimulator(HttpServer server) {
        this.server = server;
    }

    public static EsclScannerSimulator start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        EsclScannerSimulator simulator = new EsclScannerSimulator(server);
        server.createContext("/eSCL/", simulator::handle);
        server.start();
        return simulator;
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/eSCL/");
    }

    /** Puts {@code pages} sheets in the feeder (0 empties it). */
    public void loadFeeder(int pages) {
        feederPages.set(pages);
    }

    int pagesInFeeder() {
        return feederPages.get();
    }

    /** The next feeder job jams after delivering {@code pages} pages. */
    void jamAfter(int pages) {
        jamAfter.set(pages);
    }

    /** The next {@code count} NextDocument requests answer 503, as devices do right after a job starts. */
    void answerNotReady(int count) {
        notReadyAnswers.set(count);
    }

    /** A job from someone else's computer, still scanning. */
    void busyWithAnotherJob() {
        jobs.put("other", new Job("Platen", 300, "RGB24", "image/jpeg", 2480, 3508));
    }

    List<String> receivedSettings() {
        return receivedSettings;
    }

    Job job(URI location) {
        String path = location.getPath();
        return jobs.get(path.substring(path.lastIndexOf('/') + 1));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") && path.equals("/eSCL/ScannerCapabilities")) {
                reply(exchange, 200, "text/xml", capabilitiesXml().getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("GET") && path.equals("/eSCL/ScannerStatus")) {
                reply(exchange, 200, "text/xml", statusXml().getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("POST") && path.equals("/eSCL/ScanJobs")) {
                startJob(exchange);
            } else if (path.startsWith("/eSCL/ScanJobs/")) {
                String[] parts = path.substring("/eSCL/ScanJobs/".length()).split("/");
                Job job = jobs.get(parts[0]);
                if (job == null) {
                    reply(exchange, 404, "text/plain", new byte[0]);
                } else if (method.equals("DELETE") && parts.length == 1) {
                    job.state = "Canceled";
                    reply(exchange, 200, "text/plain", new byte[0]);
                } else if (method.equals("GET") && parts.length == 2 && parts[1].equals("NextDocument")) {
                    nextDocument(exchange, job);
                } else {
                    reply(exchange, 405, "text/plain", new byte[0]);
                }
            } else {
                reply(exchange, 404, "text/plain", new byte[0]);
            }
        }
    }

    private synchronized void startJob(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        receivedSettings.add(body);
        Element settings;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            settings = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            reply(exchange, 400, "text/plain", new byte[0]);
            return;
        }
        String source = text(settings, "InputSource");
        String mode = text(settings, "ColorMode");
        String format = text(settings, "DocumentFormat");
        int resolution = Integer.parseInt(text(settings, "XResolution"));
        int width = Integer.parseInt(text(settings, "Width"));
        int height = Integer.parseInt(text(settings, "Height"));
        boolean offered = List.of("Platen", "Feeder").contains(source)
                && List.of("BlackAndWhite1", "Grayscale8", "RGB24").contains(mode)
                && List.of("image/jpeg", "application/pdf").contains(format)
                && RESOLUTIONS.contains(resolution) && width <= 2550 && height <= 3508;
        if (jobs.values().stream().anyMatch(job -> job.state.equals("Processing"))) {
            reply(exchange, 503, "text/plain", new byte[0]);
        } else if (!offered || (source.equals("Feeder") && (feederPages.get() == 0 || jammed))) {
            reply(exchange, 409, "text/plain", new byte[0]);
        } else {
            String id = "job-" + nextJobId.getAndIncrement();
            jobs.put(id, new Job(source, resolution, mode, format, width, height));
            exchange.getResponseHeaders().add("Location", root().resolve("ScanJobs/" + id).toString());
            reply(exchange, 201, "text/plain", new byte[0]);
        }
    }

    private synchronized void nextDocument(HttpExchange exchange, Job job) throws IOException {
        if (!job.state.equals("Processing")) {
            reply(exchange, 404, "text/plain", new byte[0]);
            return;
        }
        if (notReadyAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(exchange, 503, "text/plain", new byte[0]);
            return;
        }
        boolean feeder = job.source.equals("Feeder");
        if (feeder && job.delivered == jamAfter.get()) {
            jammed = true;
            jamAfter.set(-1);
            job.state = "Aborted";
            reply(exchange, 503, "text/plain", new byte[0]);
            return;
        }
        boolean more = feeder ? feederPages.get() > 0 : job.delivered == 0;
        if (!more) {
            job.state = "Completed";
            reply(exchange, 404, "text/plain", new byte[0]);
            return;
        }
        if (feeder) {
            feederPages.decrementAndGet();
        }
        job.delivered++;
        reply(exchange, 200, job.format, page(job, job.delivered));
    }

    private static byte[] page(Job job, int number) {
        int width = job.width * job.resolution / 300;
        int height = job.height * job.resolution / 300;
        int type = job.colorMode.equals("RGB24") ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY;
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, job.resolution / 2));
        g.drawString("Trang " + number, job.resolution, job.resolution);
        g.dispose();
        try {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", jpeg);
            if (job.format.equals("image/jpeg")) {
                return jpeg.toByteArray();
            }
            try (PDDocument pdf = new PDDocument()) {
                PDPage pdfPage = new PDPage(new PDRectangle(job.width * 72f / 300, job.height * 72f / 300));
                pdf.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(pdf, pdfPage)) {
                    content.drawImage(JPEGFactory.createFromByteArray(pdf, jpeg.toByteArray()), 0, 0,
                            pdfPage.getMediaBox().getWidth(), pdfPage.getMediaBox().getHeight());
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                pdf.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String statusXml() {
        String state = jobs.values().stream().anyMatch(job -> job.state.equals("Processing")) ? "Processing" : "Idle";
        String adf = jammed ? "ScannerAdfJam" : feederPages.get() > 0 ? "ScannerAdfLoaded" : "ScannerAdfEmpty";
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scan:ScannerStatus xmlns:scan=\"http://schemas.hp.com/imaging/escl/2011/05/03\""
                + " xmlns:pwg=\"http://www.pwg.org/schemas/2010/12/sm\">\n"
                + "  <pwg:Version>2.63</pwg:Version>\n  <pwg:State>" + state + "</pwg:State>\n"
                + "  <scan:AdfState>" + adf + "</scan:AdfState>\n  <scan:Jobs>\n");
        List<String> ids = new ArrayList<>(jobs.keySet());
        for (String id : ids) {
            Job job = jobs.get(id);
            xml.append("    <scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/").append(id).append("</pwg:JobUri>")
                    .append("<pwg:ImagesCompleted>").append(job.delivered).append("</pwg:ImagesCompleted>")
                    .append("<pwg:JobState>").append(job.state).append("</pwg:JobState></scan:JobInfo>\n");
        }
        return xml.append("  </scan:Jobs>\n</scan:ScannerStatus>\n").toString();
    }

    private static String capabilitiesXml() {
        StringBuilder resolutions = new StringBuilder();
        for (int dpi : RESOLUTIONS) {
            resolutions.append("<scan:DiscreteResolution><scan:XResolution>").append(dpi)
                    .append("</scan:XResolution><scan:YResolution>").append(dpi)
                    .append("</scan:YResolution></scan:DiscreteResolution>");
        }
        String profile = "<scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth>"
                + "<scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>"
                + "<scan:SettingProfiles><scan:SettingProfile><scan:ColorModes>"
                + "<scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode>"
                + "<scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes><scan:DocumentFormats>"
                + "<pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat>"
                + "</scan:DocumentFormats><scan:SupportedResolutions><scan:DiscreteResolutions>" + resolutions
                + "</scan:DiscreteResolutions></scan:SupportedResolutions></scan:SettingProfile></scan:SettingProfiles>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scan:ScannerCapabilities xmlns:scan=\"http://schemas.hp.com/imaging/escl/2011/05/03\""
                + " xmlns:pwg=\"http://www.pwg.org/schemas/2010/12/sm\">\n"
                + "  <pwg:Version>2.63</pwg:Version>\n"
                + "  <pwg:MakeAndModel>" + MAKE_AND_MODEL + "</pwg:MakeAndModel>\n"
                + "  <pwg:SerialNumber>SIM-0001</pwg:SerialNumber>\n"
                + "  <scan:Platen><scan:PlatenInputCaps>" + profile + "</scan:PlatenInputCaps></scan:Platen>\n"
                + "  <scan:Adf><scan:AdfSimplexInputCaps>" + profile + "</scan:AdfSimplexInputCaps>"
                + "<scan:FeederCapacity>50</scan:FeederCapacity>"
                + "<scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption></scan:AdfOptions></scan:Adf>\n"
                + "</scan:ScannerCapabilities>\n";
    }

    private static String text(Element root, String localName) {
        NodeList nodes = root.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
