package vn.sohoa.app.intake;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.pipeline.Scan;

/**
 * The inbox, and scan-to-folder with the same rules. A file dropped in SOHOA_HOME/inbox/&lt;dossier-code&gt;/
 * is digitized and recorded; a file dropped in the inbox itself is cut by its cover sheets into dossiers
 * and documents. Then it moves to done/, or, when it cannot be digitized, to failed/ with a
 * &lt;name&gt;.reason.txt beside it and the rejection recorded; pages before the first cover sheet are
 * quarantined the same way (a copy of the file in failed/) while the rest is processed. Files are taken
 * only once they have stopped growing, and names starting with a dot (partial uploads) are left alone.
 *
 * <p>Scan-to-folder ({@code sohoa.capture.folder.path}, a local or mounted SMB share) works the same,
 * with done and failed folders of its own (default SOHOA_HOME/capture/folder/{done,failed}).
 */
@Component
public class InboxRoute extends RouteBuilder {

    static final String ARCHIVE_NAME = "SohoaArchiveName";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final SohoaProperties properties;
    private final CaptureProperties capture;
    private final ScanIntake intake;
    private final Quarantine quarantine;

    public InboxRoute(SohoaProperties properties, CaptureProperties capture, ScanIntake intake, Quarantine quarantine) {
        this.properties = properties;
        this.capture = capture;
        this.intake = intake;
        this.quarantine = quarantine;
    }

    /** A watched folder with where its files go afterwards. */
    record DropFolder(String routeId, Path root, Path done, Path failed) {
    }

    @Override
    public void configure() {
        Path home = properties.home().toAbsolutePath();
        drop(new DropFolder("inbox", properties.inboxDir().toAbsolutePath(), home.resolve("done"), home.resolve("failed")));
        CaptureProperties.Folder folder = capture.folder();
        if (folder.path() != null) {
            Path base = home.resolve("capture/folder");
            drop(new DropFolder("capture-folder", folder.path().toAbsolutePath(),
                    (folder.donePath() != null ? folder.donePath() : base.resolve("done")).toAbsolutePath(),
                    (folder.failedPath() != null ? folder.failedPath() : base.resolve("failed")).toAbsolutePath()));
        }
    }

    private void drop(DropFolder folder) {
        fromF("file:%s?recursive=true&readLock=changed&readLockMinAge=%d&readLockCheckInterval=500"
                        + "&delay=%d&exclude=^\\..*|.*\\.tmp$&sortBy=file:modified"
                        + "&move=%s/${header.%s}&moveFailed=%s/${header.%s}",
                folder.root(), properties.inbox().minAgeMs(), properties.inbox().pollDelayMs(),
                folder.done(), ARCHIVE_NAME, folder.failed(), ARCHIVE_NAME)
                .routeId(folder.routeId())
                .onException(Exception.class)
                    .handled(false)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .process(exchange -> rejected(exchange, folder))
                .end()
                .process(this::nameArchiveCopy)
                .process(exchange -> digitize(exchange, folder));
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

    private void digitize(Exchange exchange, DropFolder folder) throws Exception {
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        Path path = Path.of(file.getAbsoluteFilePath());
        ScanIntake.Accepted accepted = intake.accept(path, InboxScanProcessor.dossierFolderOf(file.getRelativeFilePath()));
        if (!accepted.unassignedPages().isEmpty()) {
            quarantine.reject(folder.failed().resolve(exchange.getIn().getHeader(ARCHIVE_NAME, String.class)), path, null,
                    file.getFileNameOnly(), Scan.sha256(path), Quarantine.UNASSIGNED_PAGES,
                    Quarantine.unassignedMessage(accepted.unassignedPages()));
        }
    }

    private void rejected(Exchange exchange, DropFolder folder) throws Exception {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        Path path = Path.of(file.getAbsoluteFilePath());
        Optional<String> code = InboxScanProcessor.dossierFolderOf(file.getRelativeFilePath());
        String sha256 = null;
        try {
            sha256 = Scan.sha256(path);
        } catch (Exception e) {
            // recorded without it
        }
        // the file itself is moved to failed/ by the consumer (moveFailed) right after this
        quarantine.reject(folder.failed().resolve(exchange.getIn().getHeader(ARCHIVE_NAME, String.class)), null,
                code.orElse(null), file.getFileNameOnly(), sha256, Quarantine.reasonOf(error),
                error == null ? "unknown error" : String.valueOf(error.getMessage()));
    }
}
