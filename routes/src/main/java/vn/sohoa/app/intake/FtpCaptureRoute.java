package vn.sohoa.app.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.pipeline.Scan;

/**
 * Scan-to-FTP: files the scanners upload to the office's FTP server ({@code sohoa.capture.ftp.uri}) are
 * fetched and go through the same door as the inbox: a file under a dossier folder (scans/&lt;mã hồ sơ&gt;/…)
 * is a document of it, any other is cut by its cover sheets. On the server a file then moves to .done/ or
 * .failed/ (dot folders, which the consumer skips); the reason is kept in SOHOA_HOME/failed/ftp/ beside a
 * copy and recorded. With {@code sohoa.capture.ftp.keep-files=true} (a server SoHoa may not change) files
 * stay and are remembered by name, size and time in SOHOA_HOME/capture/ftp-seen.txt.
 */
@Component
public class FtpCaptureRoute extends RouteBuilder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final SohoaProperties properties;
    private final CaptureProperties capture;
    private final ScanIntake intake;
    private final Quarantine quarantine;

    public FtpCaptureRoute(SohoaProperties properties, CaptureProperties capture, ScanIntake intake, Quarantine quarantine) {
        this.properties = properties;
        this.capture = capture;
        this.intake = intake;
        this.quarantine = quarantine;
    }

    @Override
    public void configure() throws IOException {
        String uri = capture.ftp().uri();
        if (uri == null || uri.isBlank()) {
            return;
        }
        Path home = properties.home().toAbsolutePath();
        Path work = Files.createDirectories(home.resolve("capture/ftp-work"));
        StringBuilder options = new StringBuilder("binary=true&passiveMode=true&recursive=true&streamDownload=false")
                .append("&readLock=changed&readLockMinAge=").append(properties.inbox().minAgeMs())
                .append("&readLockCheckInterval=500&delay=").append(properties.inbox().pollDelayMs())
                .append("&exclude=^\\..*|.*\\.tmp$&throwExceptionOnConnectFailed=false");
        if (capture.ftp().keepFiles()) {
            Path seen = Files.createDirectories(home.resolve("capture")).resolve("ftp-seen.txt");
            getContext().getRegistry().bind("sohoaFtpSeen", FileIdempotentRepository.fileIdempotentRepository(seen.toFile()));
            options.append("&noop=true&idempotent=true&idempotentRepository=#sohoaFtpSeen")
                    .append("&idempotentKey=${file:name}-${file:size}-${file:modified}");
        } else {
            options.append("&move=.done/${file:name}&moveFailed=.failed/${file:name}");
        }
        from(uri + (uri.contains("?") ? "&" : "?") + options)
                .routeId("capture-ftp")
                .onException(Exception.class)
                    .handled(false)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .process(exchange -> rejected(exchange, work))
                .end()
                .process(exchange -> digitize(exchange, work));
    }

    private void digitize(Exchange exchange, Path work) throws Exception {
        Path local = download(exchange, work);
        try {
            String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
            ScanIntake.Accepted accepted = intake.accept(local, InboxScanProcessor.dossierFolderOf(name));
            if (!accepted.unassignedPages().isEmpty()) {
                quarantine.reject(failedCopy(name), local, null, local.getFileName().toString(), Scan.sha256(local),
                        Quarantine.UNASSIGNED_PAGES, Quarantine.unassignedMessage(accepted.unassignedPages()));
            }
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(local.getParent());
        }
    }

    private void rejected(Exchange exchange, Path work) throws IOException {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        Path local = download(exchange, work);
        try {
            quarantine.reject(failedCopy(name), local, InboxScanProcessor.dossierFolderOf(name).orElse(null),
                    local.getFileName().toString(), Scan.sha256(local), Quarantine.reasonOf(error),
                    error == null ? "unknown error" : String.valueOf(error.getMessage()));
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(local.getParent());
        }
    }

    /** SOHOA_HOME/failed/ftp/&lt;folders&gt;/&lt;stamp&gt;-&lt;name&gt;. */
    private Path failedCopy(String name) {
        Path relative = Path.of(name.replace('\\', '/'));
        Path folder = properties.home().toAbsolutePath().resolve("failed/ftp");
        if (relative.getParent() != null) {
            folder = folder.resolve(relative.getParent().toString());
        }
        return folder.resolve(LocalDateTime.now().format(STAMP) + "-" + relative.getFileName());
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
