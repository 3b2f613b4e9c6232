package vn.sohoa.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/** SoHoa's folder in the user's cache: $XDG_CACHE_HOME/sohoa, else ~/.cache/sohoa. */
public final class UserCache {

    private UserCache() {
    }

    /** The subfolder {@code name} of it (not created). */
    public static Path folder(String name) {
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        return (cacheHome != null && !cacheHome.isBlank() ? Path.of(cacheHome)
                : Path.of(System.getProperty("user.home"), ".cache")).resolve("sohoa").resolve(name);
    }

    /**
     * A resource (a native library in a jar) as a file of the subfolder {@code folder}, copied there once:
     * named by its size, copied again when the size differs, put in place atomically (another process may
     * copy the same bytes meanwhile).
     */
    public static Path copyOut(URL resource, String folder, String name) throws IOException {
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        Path file = folder(folder).resolve(size + "-" + name);
        if (Files.isRegularFile(file) && Files.size(file) == size) {
            return file;
        }
        try (InputStream in = connection.getInputStream()) {
            putInPlace(in, file);
        }
        return file;
    }

    /**
     * The same, the file keeping its {@code name} in a subfolder named by its size and checksum: for a library
     * that is found by its name (libtesseract.so), and whose builds may differ in content but not in size.
     */
    public static Path copyOutNamed(URL resource, String folder, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = resource.openStream()) {
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Path file = folder(folder).resolve(bytes.length + "-" + Long.toHexString(crc.getValue())).resolve(name);
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length) {
            return file;
        }
        putInPlace(new ByteArrayInputStream(bytes), file);
        return file;
    }

    /** Writes {@code in} to a temporary file beside {@code file} and moves it there in one step. */
    private static void putInPlace(InputStream in, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
