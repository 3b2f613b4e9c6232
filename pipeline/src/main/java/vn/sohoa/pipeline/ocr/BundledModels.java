package vn.sohoa.pipeline.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.sohoa.pipeline.UserCache;

/**
 * The recognition models SoHoa trains and ships (ocr-models: {@code sohoa/tessdata}), made loadable: Tesseract
 * reads every model of an engine from one folder, so settings that name a shipped model are given a folder in
 * the user's cache that holds it next to links to the system's models (osd, vie).
 */
public final class BundledModels {

    /**
     * The small Vietnamese network trained by {@code ocr-models/train/small-model.sh}: input lines 24 pixels
     * high instead of vie's 36, LSTM layers of 32/64/64/128 cells instead of 48/96/96/192.
     */
    public static final String SMALL = "vie_sohoa_small";

    private static final List<String> SHIPPED = List.of(SMALL);

    /** The folders prepared in this process, by system folder and models. */
    private static final Map<String, Path> PREPARED = new HashMap<>();

    private BundledModels() {
    }

    /** The settings as they are when they need no shipped model, else with a tessdata folder that has it. */
    public static OcrSettings resolve(OcrSettings settings) {
        List<String> wanted = Arrays.stream(settings.language().split("\\+")).filter(SHIPPED::contains)
                .filter(name -> !Files.isRegularFile(settings.tessdata().resolve(name + ".traineddata"))).toList();
        if (wanted.isEmpty()) {
            return settings;
        }
        try {
            return settings.withTessdata(folderWith(wanted, settings.tessdata()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare SoHoa's models " + wanted + " next to " + settings.tessdata(), e);
        }
    }

    /**
     * The folder for these models next to {@code system}'s, prepared once a process: every engine start (one
     * per OCR thread) and the health check ask for it.
     */
    private static synchronized Path folderWith(List<String> models, Path system) throws IOException {
        String key = system.toAbsolutePath() + "|" + models;
        Path prepared = PREPARED.get(key);
        if (prepared == null) {
            prepared = prepare(models, system);
            PREPARED.put(key, prepared);
        }
        return prepared;
    }

    private static Path prepare(List<String> models, Path system) throws IOException {
        Path dir = UserCache.folder("tessdata")
                .resolve(Integer.toHexString(system.toAbsolutePath().toString().hashCode()));
        Files.createDirectories(dir);
        if (Files.isDirectory(system)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(system, "*.traineddata")) {
                for (Path file : files) {
                    Path link = dir.resolve(file.getFileName());
                    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, file.toAbsolutePath());
                    }
                }
            }
        }
        for (String model : models) {
            copyOut(model, dir);
        }
        return dir;
    }

    /** Copies the model out of the jar unless the cached copy has the same bytes. */
    private static void copyOut(String model, Path dir) throws IOException {
        String resource = "/sohoa/tessdata/" + model + ".traineddata";
        Path target = dir.resolve(model + ".traineddata");
        try (InputStream in = BundledModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from ocr-models");
            }
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return;
            }
            Path partial = Files.createTempFile(dir, model, ".part");
            try {
                Files.write(partial, bytes);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
