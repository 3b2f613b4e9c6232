package vn.sohoa.app.intake;

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
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** What the capture tests send and look at: a scanner's mail, a message's flags, the files a folder ends with. */
public final class CaptureFixtures {

    private CaptureFixtures() {
    }

    /** A mail as a scanner sends it: a line of text and the scan attached. */
    public static MimeMessage scanMail(String subject, String attachmentName, byte[] attachment) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("scanner@sohoa.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("scan@sohoa.test"));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Scanned document", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
        file.setFileName(attachmentName);
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(text);
        multipart.addBodyPart(file);
        message.setContent(multipart);
        message.saveChanges();
        return message;
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
