package vn.sohoa.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.Pages;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * One input of a backlog import: a multi-page scan (TIFF, PDF, ...) or a folder of page images taken in
 * name order (page-2 before page-10). Its identity is the SHA-256 of the file, or for a folder of the
 * names and SHA-256 of its files, so a resumed import recognises it even when it was moved.
 *
 * <p>Pages are decoded one at a time when a document needs them, so a long batch never has all its pixels in
 * memory.
 */
final class ScanBatch {

    private final Path path;
    private final List<Path> files;
    private final String sha256;
    private final long size;
    private final ScanDecoder decoder;

    private ScanBatch(Path path, List<Path> files, String sha256, long size, ScanDecoder decoder) {
        this.path = path;
        this.files = List.copyOf(files);
        this.sha256 = sha256;
        this.size = size;
        this.decoder = decoder;
    }

    static ScanBatch open(Path path, ScanDecoder decoder) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(path)) {
                files = listing.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(f -> f.getFileName().toString(), ScanBatch::naturalOrder))
                        .toList();
            }
            if (files.isEmpty()) {
                throw new IOException("thư mục không có tệp ảnh nào (the folder holds no files)");
            }
            StringBuilder identity = new StringBuilder();
            long size = 0;
            for (Path file : files) {
                identity.append(file.getFileName()).append('\t').append(Scan.sha256(file)).append('\n');
                size += Files.size(file);
            }
            return new ScanBatch(path, files, Scan.sha256(identity.toString().getBytes(StandardCharsets.UTF_8)), size,
                    decoder);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(Files.exists(path) ? "not a regular file" : "file not found");
        }
        return new ScanBatch(path, List.of(path), Scan.sha256(path), Files.size(path), decoder);
    }

    Path path() {
        return path;
    }

    String sha256() {
        return sha256;
    }

    List<Path> files() {
        return files;
    }

    /** The batch as the scan its documents came from, for the PDF metadata. */
    Scan asScan(String dossierCode) {
        return new Scan(path, sha256, size, Optional.ofNullable(dossierCode));
    }

    /**
     * Pages at these batch positions, given how many pages each file holds, renumbered 1, 2, ...: decoded one at
     * a time when asked for, the file they are in open until a page of another file is asked for. For one thread.
     */
    Pages pages(List<Integer> positions, List<Integer> pagesPerFile) {
        List<Integer> chosen = List.copyOf(positions);
        return new Pages() {
            private int openFile = -1;
            private Pages open;

            @Override
            public int count() {
                return chosen.size();
            }

            @Override
            public PageImage page(int number) throws RejectedScanException {
                int file = 0;
                int offset = chosen.get(number - 1);
                while (offset >= pagesPerFile.get(file)) {
                    offset -= pagesPerFile.get(file);
                    file++;
                }
                if (file != openFile) {
                    close();
                    open = decoder.open(files.get(file));
                    openFile = file;
                }
                return open.page(offset + 1).renumbered(number);
            }

            @Override
            public void close() {
                if (open != null) {
                    open.close();
                    open = null;
                    openFile = -1;
                }
            }
        };
    }

    /** Names compared with their digit runs as numbers: page-2.png before page-10.png. */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int byNumber = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (byNumber != 0) {
                    return byNumber;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }
}
