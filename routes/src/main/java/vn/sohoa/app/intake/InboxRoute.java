package vn.sohoa.app.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.pipeline.Scan;

/**
 * The inbox, and scan-to-folder with the same rules. A file dropped in SOHOA_HOME/inbox/&lt;dossier-code&gt;/
 * is a document of that dossier; a file dropped in the inbox itself is a batch, cut by its cover sheets into
 * dossiers and documents. Its original is stored and queued for the workers ({@link ScanIntake}); only then
 * does it move to done/. A file refused at once (over a limit, not a scan, a broken PDF) moves to failed/ with
 * a &lt;name&gt;.reason.txt beside it and the rejection recorded; one a worker rejects later (or pages before
 * the first cover sheet) gets a copy there the same way. A passing failure (the broker down) leaves the file
 * where it is, tried again after a doubling pause. Files are taken only once they have stopped growing, and
 * names starting with a dot (partial uploads) are left alone. Only in the roles that take scans in.
 *
 * <p>Scan-to-folder ({@code sohoa.capture.folder.path}, a local or mounted SMB share) works the same,
 * with done and failed folders of its own (default SOHOA_HOME/capture/folder/{done,failed}).
 */
@Component
public class InboxRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(InboxRoute.class);
    static final String ARCHIVE_NAME = "SohoaArchiveName";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final SohoaProperties properties;
    private final CaptureProperties capture;
    private final ScanIntake intake;
    private final Quarantine quarantine;
    private final RetrySettings retry;
    private final CaptureAgencies agencies;
    private final Map<String, RetryPause> pauses = new ConcurrentHashMap<>();

    public InboxRoute(SohoaProperties properties, CaptureProperties capture, ScanIntake intake, Quarantine quarantine,
                      RetrySettings retry, CaptureAgencies agencies) {
        this.agencies = agencies;
        this.properties = properties;
        this.capture = capture;
        this.intake = intake;
        this.quarantine = quarantine;
        this.retry = retry;
    }

    /** Files waiting in a watched folder for another try after a transient failure. */
    public int waitingForRetry() {
        return pauses.values().stream().mapToInt(RetryPause::waiting).sum();
    }

    /** Transient failures since the start, over all watched folders. */
    public long transientFailures() {
        return pauses.values().stream().mapToLong(RetryPause::failures).sum();
    }

    /** A watched folder with where its files go afterwards. */
    record DropFolder(String routeId, Path root, Path done, Path failed, CaptureAgency agency) {
    }

    @Override
    public void configure() {
        if (!properties.role().takesScans()) {
            return;
        }
        Path home = properties.home().toAbsolutePath();
        drop(new DropFolder("inbox", properties.inboxDir().toAbsolutePath(), home.resolve("done"), home.resolve("failed"),
                agencies.of("inbox")));
        CaptureProperties.Folder folder = capture.folder();
        if (folder.path() != null) {
            Path base = home.resolve("capture/folder");
            drop(new DropFolder("capture-folder", folder.path().toAbsolutePath(),
                    (folder.donePath() != null ? folder.donePath() : base.resolve("done")).toAbsolutePath(),
                    (folder.failedPath() != null ? folder.failedPath() : base.resolve("failed")).toAbsolutePath(),
                    agencies.of("capture-folder")));
        }
    }

    private void drop(DropFolder folder) {
        RetryPause pause = pauses.computeIfAbsent(folder.routeId(), id -> retry.newPause());
        String filter = "sohoaRetryPause-" + folder.routeId();
        getContext().getRegistry().bind(filter, (GenericFileFilter<Object>) file ->
                file.isDirectory() || pause.mayTry(file.getAbsoluteFilePath()));
        // no moveFailed: a rejected file is moved to failed/ by rejected(), a transiently failed one stays
        fromF("file:%s?recursive=true&readLock=changed&readLockMinAge=%d&readLockCheckInterval=500"
                        + "&delay=%d&exclude=^\\..*|.*\\.tmp$&sortBy=file:modified&filter=#%s"
                        + "&move=%s/${header.%s}",
                folder.root(), properties.inbox().minAgeMs(), properties.inbox().pollDelayMs(), filter,
                folder.done(), ARCHIVE_NAME)
                .routeId(folder.routeId())
                .onException(Exception.class)
                    .handled(false)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .process(exchange -> failed(exchange, folder, pause))
                .end()
                .process(this::nameArchiveCopy)
                .process(exchange -> digitize(exchange, folder))
                .process(exchange -> pause.succeeded(absolutePath(exchange)));
    }

    private static String absolutePath(Exchange exchange) {
        return exchange.getIn().getBody(GenericFile.class).getAbsoluteFilePath();
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
        intake.accept(Path.of(file.getAbsoluteFilePath()), DossierCodes.dossierFolderOf(file.getRelativeFilePath()),
                folder.routeId(), folder.agency(), folder.failed().resolve(exchange.getIn().getHeader(ARCHIVE_NAME, String.class)));
    }

    private void failed(Exchange exchange, DropFolder folder, RetryPause pause) throws Exception {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (TransientFailure.isTransient(error)) {
            GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
            java.time.Duration wait = pause.failed(file.getAbsoluteFilePath());
            log.warn("{} stays in {} and is tried again in {} s: {}", file.getRelativeFilePath(), folder.root(),
                    wait.toSeconds(), error.getMessage());
            return;
        }
        rejected(exchange, folder);
    }

    private void rejected(Exchange exchange, DropFolder folder) throws Exception {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        GenericFile<?> file = exchange.getIn().getBody(GenericFile.class);
        Path path = Path.of(file.getAbsoluteFilePath());
        Optional<String> code = DossierCodes.dossierFolderOf(file.getRelativeFilePath());
        String sha256 = null;
        try {
            sha256 = Scan.sha256(path);
        } catch (Exception e) {
            // recorded without it
        }
        String archiveName = exchange.getIn().getHeader(ARCHIVE_NAME, String.class);
        if (archiveName == null) {
            nameArchiveCopy(exchange);
            archiveName = exchange.getIn().getHeader(ARCHIVE_NAME, String.class);
        }
        Path quarantined = folder.failed().resolve(archiveName);
        Files.createDirectories(quarantined.getParent());
        Files.move(path, quarantined, StandardCopyOption.REPLACE_EXISTING);
        quarantine.reject(quarantined, null, code.orElse(null), file.getFileNameOnly(), sha256,
                Quarantine.reasonOf(error), error == null ? "unknown error" : String.valueOf(error.getMessage()));
    }
}
