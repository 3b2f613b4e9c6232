package vn.sohoa.scanner.escl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.sohoa.scanner.CoverOpenException;
import vn.sohoa.scanner.FeederEmptyException;
import vn.sohoa.scanner.PaperJamException;
import vn.sohoa.scanner.ScannerBusyException;
import vn.sohoa.scanner.ScannerException;
import vn.sohoa.scanner.UnsupportedSettingException;
import vn.sohoa.scanner.escl.ScannerStatus.AdfState;
import vn.sohoa.scanner.escl.ScannerStatus.ScannerState;

/**
 * A driverless network scanner spoken to in eSCL (Apple AirScan, Mopria scan), with
 * {@link java.net.http.HttpClient} only.
 *
 * <pre>{@code
 * EsclScanner scanner = EsclScanner.at(URI.create("http://192.0.2.10/eSCL/"));
 * List<ScannedDocument> pages = scanner.scan(ScanSettings.a4(InputSource.FEEDER, 300, ColorMode.COLOR, ScanSettings.JPEG));
 * }</pre>
 *
 * <p>When the device refuses a job or stops sending pages, the client asks for its status, as the
 * device's HTTP code alone does not say why, and throws {@link FeederEmptyException},
 * {@link PaperJamException}, {@link CoverOpenException}, {@link ScannerBusyException} or
 * {@link UnsupportedSettingException}. A device that answers 503 while it warms up is asked again
 * a bounded number of times.
 *
 * <p>Devices on {@code https} (often with a self-signed certificate) need an {@link HttpClient} with a
 * suitable {@code SSLContext}, given to the full constructor.
 */
public final class EsclScanner {

    private final URI root;
    private final HttpClient http;
    private final Duration pageTimeout;
    private final Duration retryDelay;
    private final int retries;
    private volatile ScannerCapabilities capabilities;

    /**
     * @param root the eSCL root, e.g. {@code http://192.0.2.10/eSCL/} (the {@code rs} of the device's
     *     DNS-SD record)
     * @param pageTimeout how long one request may take; scanning one page at 600 dpi can take a minute
     * @param retryDelay wait between two tries while the device says it is not ready (503)
     * @param retries how many times to try again before reporting the device as busy
     */
    public EsclScanner(URI root, HttpClient http, Duration pageTimeout, Duration retryDelay, int retries) {
        String text = root.toString();
        this.root = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = http;
        this.pageTimeout = pageTimeout;
        this.retryDelay = retryDelay;
        this.retries = retries;
    }

    /** HTTP/1.1 (what scanners' embedded servers speak), 5 s to connect, 2 min a page, 30 tries 1 s apart. */
    public static EsclScanner at(URI root) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
        return new EsclScanner(root, http, Duration.ofMinutes(2), Duration.ofSeconds(1), 30);
    }

    /** {@code GET ScannerCapabilities}; read once and kept, as it does not change. */
    public ScannerCapabilities capabilities() throws ScannerException {
        ScannerCapabilities known = capabilities;
        if (known == null) {
            HttpResponse<byte[]> response = send(get(root.resolve("ScannerCapabilities")), "read capabilities");
            requireOk(response, "read capabilities");
            known = parsed(() -> ScannerCapabilities.parse(response.body()), "capabilities");
            capabilities = known;
        }
        return known;
    }

    /** {@code GET ScannerStatus}. */
    public ScannerStatus status() throws ScannerException {
        HttpResponse<byte[]> response = send(get(root.resolve("ScannerStatus")), "read status");
        requireOk(response, "read status");
        return parsed(() -> ScannerStatus.parse(response.body()), "status");
    }

    /**
     * {@code POST ScanJobs}: checks the settings against the capabilities (cutting the region down to
     * what the source can scan) and starts a job.
     */
    public ScanJob startJob(ScanSettings asked) throws ScannerException {
        ScanSettings settings = checked(asked);
        HttpRequest request = HttpRequest.newBuilder(root.resolve("ScanJobs")).timeout(pageTimeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(settings.toXml())).build();
        HttpResponse<byte[]> response = send(request, "start a scan");
        if (response.statusCode() == 201) {
            String location = response.headers().firstValue("Location").orElseThrow(() -> new ScannerException(
                    device() + " accepted the scan but did not say where the job is (no Location header): its eSCL"
                            + " service is faulty; restart the scanner."));
            return new ScanJob(root.resolve(location), settings);
        }
        ScannerStatus status = status();
        throwFeederProblem(status, settings.source(), 0);
        if (status.state() == ScannerState.PROCESSING || response.statusCode() == 503) {
            throw new ScannerBusyException(device());
        }
        if (response.statusCode() == 409 || response.statusCode() == 400) {
            throw new UnsupportedSettingException(device() + " refused the scan settings (HTTP "
                    + response.statusCode() + ") for " + describe(settings) + ": choose other settings in the"
                    + " scanner profile.");
        }
        throw new ScannerException(device() + " refused the scan with HTTP " + response.statusCode()
                + " (state " + status.state() + "): check the scanner's display.");
    }

    /**
     * {@code GET {job}/NextDocument}: the next page, or empty when the job has no more (404).
     *
     * @param received how many documents this job already delivered (for messages and sequence numbers)
     */
    public Optional<ScannedDocument> nextDocument(ScanJob job, int received) throws ScannerException {
        String path = job.location().getPath();
        URI next = job.location().resolve(path.endsWith("/") ? "NextDocument" : path + "/NextDocument");
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = send(get(next), "fetch page " + (received + 1));
            if (response.statusCode() == 200) {
                String type = response.headers().firstValue("Content-Type").orElse(job.settings().documentFormat());
                return Optional.of(new ScannedDocument(received + 1, type, response.body()));
            }
            if (response.statusCode() == 404) {
                if (job.settings().source() == InputSource.FEEDER) {
                    // some devices end the job on a jam or an empty feeder instead of answering 503
                    throwFeederProblem(status(), InputSource.FEEDER, received);
                }
                return Optional.empty();
            }
            ScannerStatus status = status();
            throwFeederProblem(status, job.settings().source(), received);
            if (response.statusCode() != 503 || attempt >= retries) {
                throw response.statusCode() == 503 ? new ScannerBusyException(device())
                        : new ScannerException(device() + " failed while sending page " + (received + 1) + " (HTTP "
                                + response.statusCode() + ", state " + status.state() + "): check the scanner's"
                                + " display, then scan again.");
            }
            pause();
        }
    }

    /** {@code DELETE {job}}: stops the job; a job the device already forgot is fine. */
    public void cancel(ScanJob job) throws ScannerException {
        HttpRequest request = HttpRequest.newBuilder(job.location()).timeout(pageTimeout).DELETE().build();
        HttpResponse<byte[]> response = send(request, "cancel the scan");
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new ScannerException(device() + " did not cancel the scan (HTTP " + response.statusCode()
                    + "): cancel it on the scanner's panel.");
        }
    }

    /**
     * Scans until the device has no more pages (one for the glass, the whole stack for the feeder),
     * giving each page to {@code pages} as it arrives. On a jam the pages before it have already been
     * given; the exception says how many.
     *
     * @return the number of documents received
     */
    public int scan(ScanSettings settings, Consumer<ScannedDocument> pages) throws ScannerException {
        ScanJob job = startJob(settings);
        int received = 0;
        try {
            for (Optional<ScannedDocument> page = nextDocument(job, 0); page.isPresent();
                    page = nextDocument(job, received)) {
                received++;
                pages.accept(page.get());
            }
        } catch (ScannerException | RuntimeException e) {
            cancelQuietly(job, e);
            throw e;
        }
        if (received == 0 && settings.source() == InputSource.FEEDER) {
            throw new FeederEmptyException(device());
        }
        return received;
    }

    /** {@link #scan(ScanSettings, Consumer)} collected into a list. */
    public List<ScannedDocument> scan(ScanSettings settings) throws ScannerException {
        List<ScannedDocument> pages = new ArrayList<>();
        scan(settings, pages::add);
        return pages;
    }

    private ScanSettings checked(ScanSettings settings) throws ScannerException {
        ScannerCapabilities caps = capabilities();
        InputCapabilities input = caps.input(settings.source()).orElseThrow(() -> new UnsupportedSettingException(
                device(), "input source", settings.source(), List.copyOf(caps.inputs().keySet())));
        if (!input.resolutions().isEmpty() && !input.resolutions().contains(settings.resolution())) {
            throw new UnsupportedSettingException(device(), "resolution (dpi)", settings.resolution(), input.resolutions());
        }
        if (!input.colorModes().isEmpty() && !input.colorModes().contains(settings.colorMode())) {
            throw new UnsupportedSettingException(device(), "colour mode", settings.colorMode(), input.colorModes());
        }
        if (!input.documentFormats().isEmpty() && !input.documentFormats().contains(settings.documentFormat())) {
            throw new UnsupportedSettingException(device(), "document format", settings.documentFormat(),
                    input.documentFormats());
        }
        if (settings.duplex() && !caps.duplex()) {
            throw new UnsupportedSettingException(device() + " cannot scan both sides: turn duplex off in the"
                    + " scanner profile.");
        }
        return settings.withinRegion(input.maxWidth(), input.maxHeight());
    }

    private void throwFeederProblem(ScannerStatus status, InputSource source, int received) throws ScannerException {
        if (status.adf() == AdfState.JAM) {
            throw new PaperJamException(device(), received);
        }
        if (status.adf() == AdfState.DOOR_OPEN) {
            throw new CoverOpenException(device());
        }
        if (source == InputSource.FEEDER && received == 0 && status.adf() == AdfState.EMPTY) {
            throw new FeederEmptyException(device());
        }
    }

    private void cancelQuietly(ScanJob job, Exception failure) {
        try {
            cancel(job);
        } catch (ScannerException e) {
            failure.addSuppressed(e);
        }
    }

    private String device() {
        ScannerCapabilities known = capabilities;
        return (known != null ? known.makeAndModel() : "The eSCL scanner") + " at " + root.getAuthority();
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(pageTimeout).GET().build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, String action) throws ScannerException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new ScannerException("Could not " + action + ": " + device() + " does not answer. Check that it is"
                    + " on, on the network, and that its address is right.", e);
        } catch (HttpTimeoutException e) {
            throw new ScannerException("Could not " + action + ": " + device() + " did not answer within "
                    + pageTimeout.toSeconds() + " s. Check the scanner's display.", e);
        } catch (IOException e) {
            throw new ScannerException("Could not " + action + " on " + device() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScannerException("Stopped while waiting to " + action + " on " + device() + ".", e);
        }
    }

    private void requireOk(HttpResponse<byte[]> response, String action) throws ScannerException {
        if (response.statusCode() != 200) {
            throw new ScannerException("Could not " + action + " of " + device() + ": it answered HTTP "
                    + response.statusCode() + " for " + response.uri() + ". Is this the eSCL address of a scanner?");
        }
    }

    private interface Parse<T> {
        T parse() throws IOException;
    }

    private <T> T parsed(Parse<T> parse, String what) throws ScannerException {
        try {
            return parse.parse();
        } catch (IOException e) {
            throw new ScannerException("Could not read the " + what + " of " + device() + ": " + e.getMessage(), e);
        }
    }

    private void pause() throws ScannerException {
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScannerException("Stopped while waiting for " + device() + " to get ready.", e);
        }
    }

    private static String describe(ScanSettings settings) {
        return settings.source() + ", " + settings.resolution() + " dpi, " + settings.colorMode() + ", "
                + settings.documentFormat() + (settings.duplex() ? ", duplex" : "");
    }
}
