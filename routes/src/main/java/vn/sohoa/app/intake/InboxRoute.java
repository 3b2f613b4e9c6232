package vn.sohoa.app.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;

/**
 * The inbox: a file dropped in SOHOA_HOME/inbox/&lt;dossier-code&gt;/ is digitized and recorded, then moved
 * to done/&lt;dossier-code&gt;/, or, when it cannot be digitized, to failed/&lt;dossier-code&gt;/ with a
 * &lt;name&gt;.reason.txt beside it and the rejection recorded. Files are taken only once they have stopped
 * growing, and names starting with a dot (partial uploads) are left alone.
 */
@Component
public class InboxRoute extends RouteBuilder {

    static final String ARCHIVE_NAME = "SohoaArchiveName";
    private static final Logger log = LoggerFactory.getLogger(InboxRoute.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final SohoaProperties properties;
    private final InboxScanProcessor processor;
    private final RecordStore records;

    public InboxRoute(SohoaProperties properties, InboxScanProcessor processor, RecordStore records) {
        this.properties = properties;
        this.processor = processor;
        this.records = records;
    }

    @Override
    public void configure() {
        Path inbox = properties.inboxDir().toAbsolutePath();
        onException(Exception.class)
                .handled(false)
                .maximumRedeliveries(0)
                .logExhausted(false)
                .process(this::quarantine);

        fromF("file:%s?recursive=true&readLock=changed&readLockMinAge=%d&readLockCheckInterval=500"
                        + "&delay=%d&exclude=^\\..*|.*\\.tmp$&sortBy=file:modified"
                        + "&move=../done/${header.%s}&moveFailed=../failed/${header.%s}",
                inbox, properties.inbox().minAgeMs(), properties.inbox().pollDelayMs(), ARCHIVE_NAME, ARCHIVE_NAME)
                .routeId("inbox")
                .process(this::nameArchiveCopy)
                .process(this::digitize);
    }

    /** done/ and failed/ keep the dossier folder and add a time stamp, so no earlier file is overwritten. */
    private void nameArchiveCopy(Exchange exchange) {
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        String relative = file.getRelativeFilePath().replace('\\', '/');
        int slash = relative.lastIndexOf('/');
        String folder = slash >= 0 ? relative.substring(0, slash + 1) : "";
        String name = relative.substring(slash + 1);
        exchange.getIn().setHeader(ARCHIVE_NAME, folder + LocalDateTime.now().format(STAMP) + "-" + name);
    }

    private void digitize(Exchange exchange) throws Exception {
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        String code = InboxScanProcessor.dossierCodeOf(file.getRelativeFilePath());
        processor.process(Path.of(file.getAbsoluteFilePath()), code);
    }

    private void quarantine(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        String archiveName = exchange.getIn().getHeader(ARCHIVE_NAME, String.class);
        Path failed = properties.home().resolve("failed").resolve(archiveName);
        String reason = error instanceof RejectedScanException rejected ? rejected.reason().name() : "INTERNAL_ERROR";
        String message = error == null ? "unknown error" : String.valueOf(error.getMessage());
        String code = null;
        String sha256 = null;
        try {
            code = InboxScanProcessor.dossierCodeOf(file.getRelativeFilePath());
        } catch (RejectedScanException e) {
            // no dossier folder: recorded without a code
        }
        try {
            sha256 = Scan.sha256(Path.of(file.getAbsoluteFilePath()));
            Files.createDirectories(failed.getParent());
            Files.writeString(failed.resolveSibling(failed.getFileName() + ".reason.txt"),
                    reason + ": " + message + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            log.error("cannot write the reason for {}: {}", file.getFileName(), e.getMessage());
        }
        log.warn("{} quarantined in {}: {} ({})", file.getRelativeFilePath(), failed, message, reason);
        try {
            records.recordRejection(code, file.getFileNameOnly(), sha256, failed.toAbsolutePath().toString(), reason, message);
        } catch (RuntimeException e) {
            log.error("cannot record the rejection of {}: {}", file.getFileName(), e.getMessage());
        }
    }
}
