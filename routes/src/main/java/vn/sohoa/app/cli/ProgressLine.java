package vn.sohoa.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A one-line progress bar redrawn in place on a terminal: pages done out of the total, pages per minute
 * and the time left at that pace. Silent when switched off (stderr not a terminal).
 */
final class ProgressLine {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean on;
    private final long startedNanos = System.nanoTime();
    private boolean drawn;

    ProgressLine(PrintStream err, boolean on) {
        this.err = err;
        this.on = on;
    }

    /** Whether standard error is a terminal (Linux: /proc/self/fd/2 points at a tty). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    synchronized void show(String stage, long done, long total) {
        if (!on) {
            return;
        }
        double minutes = (System.nanoTime() - startedNanos) / 60e9;
        double perMinute = minutes > 0 ? done / minutes : 0;
        int filled = total > 0 ? (int) Math.min(WIDTH, WIDTH * done / total) : 0;
        String left = perMinute > 0 && total >= done ? format(Duration.ofSeconds(Math.round((total - done) / perMinute * 60)))
                : "--:--";
        err.printf("\r%s [%s%s] %d/%d trang  %.1f trang/phút  còn %s   ", stage, "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, total, perMinute, left);
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    synchronized void finish() {
        if (on && drawn) {
            err.println();
            drawn = false;
        }
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
