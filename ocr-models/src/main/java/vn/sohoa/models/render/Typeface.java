package vn.sohoa.models.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Times-like serif family with the four styles an administrative document uses, loaded from font files so
 * the result does not depend on the JVM's font configuration. Liberation Serif 2 (metric-compatible with Times
 * New Roman, with all precomposed Vietnamese letters) is preferred, DejaVu Serif is the fallback.
 * Fonts are at 1 pt; derive the size you need.
 */
public record Typeface(String family, Font regular, Font bold, Font italic, Font boldItalic) {

    private static final Path LIBERATION = Path.of("/usr/share/fonts/truetype/liberation2");
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

    private static volatile Typeface timesLike;

    /** Liberation Serif if installed (fonts-liberation2), otherwise DejaVu Serif (fonts-dejavu). */
    public static Typeface timesLike() {
        Typeface loaded = timesLike;
        if (loaded == null) {
            synchronized (Typeface.class) {
                if (timesLike == null) {
                    timesLike = loadFirstAvailable();
                }
                loaded = timesLike;
            }
        }
        return loaded;
    }

    private static Typeface loadFirstAvailable() {
        List<List<Path>> candidates = List.of(
                List.of(LIBERATION.resolve("LiberationSerif-Regular.ttf"), LIBERATION.resolve("LiberationSerif-Bold.ttf"),
                        LIBERATION.resolve("LiberationSerif-Italic.ttf"), LIBERATION.resolve("LiberationSerif-BoldItalic.ttf")),
                List.of(DEJAVU.resolve("DejaVuSerif.ttf"), DEJAVU.resolve("DejaVuSerif-Bold.ttf"),
                        DEJAVU.resolve("DejaVuSerif-Italic.ttf"), DEJAVU.resolve("DejaVuSerif-BoldItalic.ttf")));
        for (List<Path> files : candidates) {
            if (files.stream().allMatch(Files::isReadable)) {
                return new Typeface(files.get(0).getFileName().toString().replaceAll("-.*", ""),
                        load(files.get(0)), load(files.get(1)), load(files.get(2)), load(files.get(3)));
            }
        }
        throw new IllegalStateException("No Vietnamese-capable serif font found: install fonts-liberation2 "
                + "(expected " + LIBERATION + ") or fonts-dejavu (expected " + DEJAVU + ")");
    }

    private static Font load(Path file) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(1f);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load font " + file + ": " + e.getMessage(), e);
        }
    }
}
