package vn.sohoa.app.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The agency each capture source is configured for: {@code sohoa.intake.agency} for all of them, overridden by
 * {@code sohoa.inbox.agency}, {@code sohoa.capture.folder.agency}, {@code sohoa.capture.ftp.agency} and
 * {@code sohoa.capture.imap.agency}. A source with none may add only to dossiers of no agency. A code of bad
 * syntax stops the start.
 */
@Component
public class CaptureAgencies {

    private final CaptureAgency inbox;
    private final CaptureAgency folder;
    private final CaptureAgency ftp;
    private final CaptureAgency mail;

    public CaptureAgencies(@Value("${sohoa.intake.agency:}") String intake,
                           @Value("${sohoa.inbox.agency:}") String inbox,
                           @Value("${sohoa.capture.folder.agency:}") String folder,
                           @Value("${sohoa.capture.ftp.agency:}") String ftp,
                           @Value("${sohoa.capture.imap.agency:}") String mail) {
        this.inbox = CaptureAgency.configured(orDefault(inbox, intake));
        this.folder = CaptureAgency.configured(orDefault(folder, intake));
        this.ftp = CaptureAgency.configured(orDefault(ftp, intake));
        this.mail = CaptureAgency.configured(orDefault(mail, intake));
    }

    private static String orDefault(String own, String intake) {
        return own == null || own.isBlank() ? intake : own;
    }

    /** For a source: inbox, capture-folder, ftp or mail. */
    public CaptureAgency of(String source) {
        return switch (source) {
            case "inbox" -> inbox;
            case "capture-folder" -> folder;
            case "ftp" -> ftp;
            case "mail" -> mail;
            default -> throw new IllegalArgumentException("no capture source " + source);
        };
    }
}
