package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.sohoa.app.intake.MailAttachments.Attachment;

/** Messages as they travel (written out and parsed again), so that the names are read as a mail server gives them. */
class MailAttachmentsTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void everyAttachmentIsFoundEvenUnderTheSameNameOrWithoutOne() throws Exception {
        MimeMultipart body = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Scanned document", "UTF-8");
        body.addBodyPart(text);
        body.addBodyPart(file("scan.tif", "one"));
        body.addBodyPart(file("scan.tif", "two"));
        MimeBodyPart nameless = file(null, "three");
        nameless.setDisposition(Part.ATTACHMENT);
        body.addBodyPart(nameless);
        MimeBodyPart logo = file(null, "logo");
        logo.setDisposition(Part.INLINE);
        body.addBodyPart(logo);
        MimeMultipart nested = new MimeMultipart("related");
        nested.addBodyPart(file(MimeUtility.encodeText("Tờ khai.tif", "UTF-8", "B"), "four"));
        MimeBodyPart holder = new MimeBodyPart();
        holder.setContent(nested);
        body.addBodyPart(holder);

        List<Attachment> attachments = MailAttachments.of(travelled(body));
        assertThat(attachments).extracting(Attachment::position).containsExactly(1, 2, 3, 4);
        assertThat(attachments).extracting(Attachment::name).containsExactly("scan.tif", "scan.tif", "", "Tờ khai.tif");
        assertThat(attachments).extracting(a -> content(a)).containsExactly("one", "two", "three", "four");
    }

    @Test
    void aNameWithNulSpelledInRfc2231IsReadWithItsNul() throws Exception {
        MimeMultipart body = new MimeMultipart();
        MimeBodyPart file = file(null, "bytes");
        file.setHeader("Content-Disposition", "attachment; filename*=UTF-8''bien%00ban.tif");
        body.addBodyPart(file);
        List<Attachment> attachments = MailAttachments.of(travelled(body));
        assertThat(attachments).singleElement().extracting(Attachment::name).isEqualTo("bien\u0000ban.tif");
        assertThat(AttachmentName.problem(attachments.get(0).name())).isPresent();
    }

    @Test
    void aMailWithoutAttachmentHasNone() throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setText("no scan", "UTF-8");
        message.saveChanges();
        assertThat(MailAttachments.of(message)).isEmpty();
    }

    private static MimeBodyPart file(String name, String content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8),
                "application/octet-stream")));
        if (name != null) {
            part.setFileName(name);
        }
        return part;
    }

    private static MimeMessage travelled(MimeMultipart body) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setSubject("Hồ sơ HS-01", "UTF-8");
        message.setContent(body);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(SESSION, new ByteArrayInputStream(out.toByteArray()));
    }

    private static String content(Attachment attachment) {
        try (InputStream in = attachment.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
