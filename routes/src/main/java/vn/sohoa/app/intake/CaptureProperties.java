package vn.sohoa.app.intake;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code sohoa.capture.*}: the ways scanners deliver without a SoHoa client. Each source is
 * off until its location is set.
 *
 * @param folder scan-to-folder: a local or mounted (SMB) folder, same rules as the inbox
 * @param ftp scan-to-FTP: the office's FTP server, as a Camel FTP URI
 * @param imap scan-to-e-mail: the mailbox scanners send to, as a Camel IMAP(S) URI
 * @param blankPageSeparates a blank page also starts a new document (never with duplex one-sided paper)
 */
@ConfigurationProperties("sohoa.capture")
public record CaptureProperties(Folder folder, Ftp ftp, Imap imap, boolean blankPageSeparates) {

    public CaptureProperties {
        folder = folder == null ? new Folder(null, null, null) : folder;
        ftp = ftp == null ? new Ftp(null, false) : ftp;
        imap = imap == null ? new Imap(null) : imap;
    }

    /** {@code sohoa.capture.folder.path}; done and failed default to SOHOA_HOME/capture/folder/{done,failed}. */
    public record Folder(Path path, Path donePath, Path failedPath) {
    }

    /**
     * {@code sohoa.capture.ftp.uri}, e.g. {@code ftp://scanner@10.0.0.5:21/scans?password=RAW(secret)}. Files
     * move to .done/ and .failed/ on the server, unless {@code keep-files}: then they stay and are
     * remembered by name, size and time in SOHOA_HOME/capture/ftp-seen.txt.
     */
    public record Ftp(String uri, boolean keepFiles) {
    }

    /**
     * {@code sohoa.capture.imap.uri}, e.g. {@code imaps://mail.example.vn:993?username=scan&password=RAW(secret)}.
     * Unseen messages are read; done ones end \Seen, ones with a failed attachment \Seen and \Flagged.
     */
    public record Imap(String uri) {
    }
}
