package vn.sohoa.pipeline.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the page directories of a TIFF file by following their chain, reading a few bytes of each and parsing
 * none, and stops at a given count: a file claiming 100,000 pages is known to be over the page limit after
 * limit + 1 small reads, before any decoder walks (and parses) every directory.
 */
final class TiffDirectories {

    private TiffDirectories() {
    }

    /**
     * The number of directories, or {@code stopAt} if there are at least that many; a chain that leaves the file
     * or loops ends the count there (the decoder then says what is wrong with the file).
     */
    static int count(Path file, int stopAt) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            ByteBuffer header = read(channel, 0, 8, ByteOrder.LITTLE_ENDIAN);
            if (header == null) {
                return 0;
            }
            ByteOrder order = header.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            long offset = Integer.toUnsignedLong(header.order(order).getInt(4));
            Set<Long> seen = new HashSet<>();
            int count = 0;
            while (offset != 0 && count < stopAt) {
                if (offset < 8 || offset + 2 > size || !seen.add(offset)) {
                    break;
                }
                ByteBuffer entries = read(channel, offset, 2, order);
                count++;
                long next = offset + 2 + 12L * Short.toUnsignedInt(entries.getShort(0));
                ByteBuffer link = read(channel, next, 4, order);
                if (link == null) {
                    break;
                }
                offset = Integer.toUnsignedLong(link.getInt(0));
            }
            return count;
        }
    }

    /** {@code length} bytes at {@code position}, or null when the file ends before. */
    private static ByteBuffer read(FileChannel channel, long position, int length, ByteOrder order) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer;
    }
}
