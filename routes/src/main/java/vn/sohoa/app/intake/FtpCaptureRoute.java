package vn.sohoa.app.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.pipeline.Scan;

/**
 * Scan-to-FTP: files the scanners upload to the office's FTP server ({@code sohoa.capture.ftp.uri}) are
 * fetched and go through the same door as the inbox: a file under a dossier folder (scans/&lt;mã hồ sơ&gt;/…)
 * is a document of it, any other is cut by its cover sheets. Once its original is stored and queued, a file
 * moves to .done/ on the server; one refused (a broken file, over a limit) moves to .failed/ (dot folders,
 * which the consumer skips), the reason kept in SOHOA_HOME/failed/ftp/ beside a copy and recorded. A passing
 * failure (the broker or PostgreSQL down) leaves the file where it is on the server, tried again after a
 * doubling pause as the inbox does. With {@code sohoa.capture.ftp.keep-files=true} (a server SoHoa may not
 * change) files stay and are remembered by name, size and time in SOHOA_HOME/capture/ftp-seen.txt once taken.
 */
@Component
public class FtpCaptureRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(FtpCaptureRoute.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /** Where the file goes on the server once the exchange is through: .done/name or .failed/name. */
    private static final String TARGET = "SohoaFtpTarget";

    private final SohoaProperties properties;
    private final CaptureProperties capture;
    private final ScanIntake intake;
    private final Quarantine quarantine;
    private final RetryPause pause;
    private final CaptureAgency agency;

    public FtpCaptureRoute(SohoaProperties properties, CaptureProperties capture, ScanIntake intake, Quarantine quarantine,
                           RetrySettings retry, CaptureAgencies agencies) {
        this.agency = agencies.of("ftp");
        this.properties = properties;
        this.capture = capture;
        this.intake = intake;
        this.quarantine = quarantine;
        this.pause = retry.newPause();
    }

    /** Transient failures since the start. */
    public long transientFailures() {
        return pause.failures();
    }

    @Override
    public void configure() throws IOException {
        String uri = capture.ftp().uri();
        if (uri == null || uri.isBlank() || !properties.role().takesScans()) {
            return;
        }
        Path home = properties.home().toAbsolutePath();
        Path work = Files.createDirectories(home.resolve("capture/ftp-work"));
        getContext().getRegistry().bind("sohoaFtpRetryPause", (GenericFileFilter<Object>) file ->
                file.isDirectory() || pause.mayTry(file.getAbsoluteFilePath()));
        StringBuilder options = new StringBuilder("binary=true&passiveMode=true&recursive=true&streamDownload=false")
                .append("&readLock=changed&readLockMinAge=").append(properties.inbox().minAgeMs())
                .append("&readLockCheckInterval=500&delay=").append(properties.inbox().pollDelayMs())
                .append("&exclude=^\\..*|.*\\.tmp$&throwExceptionOnConnectFailed=false&filter=#sohoaFtpRetryPause");
        if (capture.ftp().keepFiles()) {
            Path seen = Files.createDirectories(home.resolve("capture")).resolve("ftp-seen.txt");
            getContext().getRegistry().bind("sohoaFtpSeen", FileIdempotentRepository.fileIdempotentRepository(seen.toFile()));
            options.append("&noop=true&idempotent=true&idempotentRepository=#sohoaFtpSeen")
                    .append("&idempotentKey=${file:name}-${file:size}-${file:modified}");
        } else {
            // no moveFailed: a refused file is sent to .failed/ by refused(), a transiently failed one stays
            options.append("&move=${header.").append(TARGET).append("}");
        }
        from(uri + (uri.contains("?") ? "&" : "?") + options)
                .routeId("capture-ftp")
                .onException(Exception.class)
                    .onWhen(exchange -> TransientFailure.isTransient(caught(exchange)))
                    .handled(false)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .process(this::failedForNow)
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .process(exchange -> refused(exchange, work))
                .end()
                .process(exchange -> digitize(exchange, work))
                .process(exchange -> pause.succeeded(remotePath(exchange)));
    }

    private static Exception caught(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return error != null ? error : exchange.getException();
    }

    private static String remotePath(Exchange exchange) {
        return exchange.getIn().getBody(GenericFile.class).getAbsoluteFilePath();
    }

    private void digitize(Exchange exchange, Path work) throws Exception {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        exchange.getIn().setHeader(TARGET, ".done/" + name);
        Path local = download(exchange, work);
        try {
            intake.accept(local, DossierCodes.dossierFolderOf(name), "ftp", agency, failedCopy(name));
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(local.getParent());
        }
    }

    /** The file stays on the server (the exchange fails, so it is neither moved nor remembered as seen). */
    private void failedForNow(Exchange exchange) {
        String path = remotePath(exchange);
        Duration wait = pause.failed(path);
        log.warn("{} stays on the FTP server and is tried again in {} s: {}",
                exchange.getIn().getHeader(Exchange.FILE_NAME, String.class), wait.toSeconds(), caught(exchange).getMessage());
    }

    private void refused(Exchange exchange, Path work) throws IOException {
        Exception error = caught(exchange);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        exchange.getIn().setHeader(TARGET, ".failed/" + name);
        pause.succeeded(remotePath(exchange));
        Path local = download(exchange, work);
        try {
            quarantine.reject(failedCopy(name), local, DossierCodes.dossierFolderOf(name).orElse(null),
                    local.getFileName().toString(), Scan.sha256(local), Quarantine.reasonOf(error),
                    error == null ? "unknown error" : String.valueOf(error.getMessage()));
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(local.getParent());
        }
    }

    /**
     * SOHOA_HOME/failed/ftp/&lt;folders&gt;/&lt;stamp&gt;-&lt;name&gt;, each folder by its safe name, since the
     * server chooses them.
     */
    private Path failedCopy(String name) {
        String[] parts = name.replace('\\', '/').split("/");
        Path folder = properties.home().toAbsolutePath().resolve("failed/ftp");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty()) {
                folder = folder.resolve(DossierCodes.safeDirectoryName(parts[i]));
            }
        }
        return folder.resolve(LocalDateTime.now().format(STAMP) + "-" + parts[parts.length - 1]);
    }

    /** The fetched bytes as a local file named like the remote one, for the pipeline to read. */
    private static Path download(Exchange exchange, Path work) throws IOException {
        String name = Optional.ofNullable(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class)).orElse("scan");
        Path dir = Files.createTempDirectory(work, "f");
        Path local = dir.resolve(name);
        try (InputStream in = exchange.getIn().getBody(InputStream.class)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        }
        return local;
    }
}
