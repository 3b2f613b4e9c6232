package vn.sohoa.pipeline.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The container formats SoHoa reads, told apart by their first bytes, never by the file name. */
public enum ScanFormat {
    JPEG, PNG, TIFF, PDF, UNKNOWN;

    public static ScanFormat sniff(Path file) throws IOException {
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return sniff(head, n);
    }

    static ScanFormat sniff(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (n >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if (n >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
            return TIFF;
        }
        // PDF readers accept the header anywhere in the first kilobyte
        if (new String(b, 0, n, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            return PDF;
        }
        return UNKNOWN;
    }
}
