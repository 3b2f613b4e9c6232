package vn.sohoa.app.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The attachments of a mail, read from its MIME structure rather than from a map keyed by file name, so that
 * none is dropped: two attachments of the same name are two, and one with no name or a name that cannot be a
 * file's is still found (and then quarantined with its reason). A part is an attachment when it has a file
 * name or is marked as one ({@code Content-Disposition: attachment}); the mail's text and nameless inline
 * parts (a logo in a signature) are not.
 */
public final class MailAttachments {

    /**
     * One attachment.
     *
     * @param position its place among the mail's attachments, from 1: the same on every reading of the mail
     * @param name the name it came under, decoded (RFC 2231 and RFC 2047), as it is: it may be empty or bad
     */
    public record Attachment(int position, String name, Part part) {

        public InputStream content() throws IOException, MessagingException {
            return part.getInputStream();
        }
    }

    private MailAttachments() {
    }

    public static List<Attachment> of(Part message) throws MessagingException, IOException {
        List<Attachment> found = new ArrayList<>();
        collect(message, found);
        return List.copyOf(found);
    }

    private static void collect(Part part, List<Attachment> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
            return;
        }
        String name = part.getFileName();
        if (name != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(new Attachment(found.size() + 1, decoded(name), part));
        }
    }

    /** A name in RFC 2047 words ("=?UTF-8?B?...?="), as many mailers send one, decoded; any other as it is. */
    private static String decoded(String name) {
        if (name == null) {
            return "";
        }
        if (!name.contains("=?")) {
            return name;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }
}
