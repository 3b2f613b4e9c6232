package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import vn.sohoa.app.records.MachineServices;

/**
 * What the capture tests set up, send and look at: the scanner's mailbox on GreenMail, a service's capture
 * sources, a scanner's mail, a message's flags, the files a folder ends with.
 */
public final class CaptureFixtures {

    private CaptureFixtures() {
    }

    /** GreenMail's IMAP on 127.0.0.1 and a free port, for a test's {@code @RegisterExtension}. */
    public static GreenMailExtension imapServer() {
        return new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());
    }

    /** The mailbox the scanner sends to, as {@link #imapUri} logs in. */
    public static GreenMailUser scanMailbox(GreenMailExtension mail) {
        return mail.setUser("scan@sohoa.test", "scan", "secret");
    }

    /** The value of sohoa.capture.imap.uri that reads {@link #scanMailbox}. */
    public static String imapUri(GreenMailExtension mail) {
        return "imap://127.0.0.1:" + mail.getImap().getPort() + "?username=scan&password=secret";
    }

    /**
     * The properties of a service on {@code services} that captures from all three sources: the scan-to-folder
     * {@code share}, the FTP server {@code ftp} and the scanner's mailbox on {@code mail}.
     */
    public static Map<String, Object> captureProperties(MachineServices services, Path share, FtpStandIn ftp,
                                                        GreenMailExtension mail) throws SQLException {
        Map<String, Object> properties = services.properties();
        properties.put("sohoa.capture.folder.path", share.toString());
        properties.put("sohoa.capture.ftp.uri", ftp.uri());
        properties.put("sohoa.capture.imap.uri", imapUri(mail));
        return properties;
    }

    /** The one message the mail server holds; fails when it holds another number of them. */
    public static MimeMessage onlyMessage(GreenMailExtension mail) {
        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    /** Whether every message the mail server holds has {@code flag}. */
    public static boolean everyMessageHas(GreenMailExtension mail, Flags.Flag flag) {
        return Stream.of(mail.getReceivedMessages()).allMatch(m -> hasFlag(m, flag));
    }

    /** A mail as a scanner sends it: a line of text and the scan attached. */
    public static MimeMessage scanMail(String subject, String attachmentName, byte[] attachment) throws Exception {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
        file.setFileName(attachmentName);
        return mailWith(subject, List.of(file));
    }

    /** A mail with a line of text and {@code attachments} (see {@link #attachment}). */
    public static MimeMessage mailWith(String subject, List<MimeBodyPart> attachments) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("scanner@sohoa.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("scan@sohoa.test"));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Scanned document", "UTF-8");
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(text);
        for (MimeBodyPart attachment : attachments) {
            multipart.addBodyPart(attachment);
        }
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }

    /**
     * An attachment; {@code disposition} is its Content-Disposition header as sent, so that a test can send a
     * name no mail library would write ({@code attachment; filename*=UTF-8''a%00b.tif}).
     */
    public static MimeBodyPart attachment(String disposition, byte[] content) throws Exception {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/octet-stream")));
        file.setHeader("Content-Disposition", disposition);
        return file;
    }

    public static boolean hasFlag(MimeMessage message, Flags.Flag flag) {
        try {
            return message.getFlags().contains(flag);
        } catch (Exception e) {
            return false;
        }
    }

    /** Paths (relative, with /) of the regular files under a folder, or none when it does not exist. */
    public static List<String> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            return List.of("?");
        }
    }
}
