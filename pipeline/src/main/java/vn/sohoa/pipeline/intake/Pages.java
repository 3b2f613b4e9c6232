package vn.sohoa.pipeline.intake;

import java.util.List;
import vn.sohoa.pipeline.RejectedScanException;

/**
 * The pages of a scan, decoded one at a time when asked for, so that a long batch never has all its pixels in
 * memory: the caller lets each page go once it is done with it. Not for use by several threads at once.
 */
public interface Pages extends AutoCloseable {

    /** How many pages there are. */
    int count();

    /** Page {@code number} (1-based), decoded now. */
    PageImage page(int number) throws RejectedScanException;

    /** Lets go of the file the pages are decoded from. */
    @Override
    void close();

    /**
     * The pages numbered {@code numbers} of these pages, in that order and numbered 1, 2, ... as a document of
     * their own (a batch cut into documents); closing the selection leaves these pages open.
     */
    default Pages select(List<Integer> numbers) {
        List<Integer> selected = List.copyOf(numbers);
        Pages all = this;
        for (int number : selected) {
            if (number < 1 || number > all.count()) {
                throw new IllegalArgumentException("no page " + number + " in a scan of " + all.count() + " pages");
            }
        }
        return new Pages() {
            @Override
            public int count() {
                return selected.size();
            }

            @Override
            public PageImage page(int number) throws RejectedScanException {
                return all.page(selected.get(number - 1)).renumbered(number);
            }

            @Override
            public void close() {
                // the pages selected from stay open for their owner to close
            }
        };
    }

    /** Pages already decoded (scanned to memory, tests). */
    static Pages of(List<PageImage> pages) {
        List<PageImage> held = List.copyOf(pages);
        return new Pages() {
            @Override
            public int count() {
                return held.size();
            }

            @Override
            public PageImage page(int number) {
                return held.get(number - 1);
            }

            @Override
            public void close() {
                // nothing is open
            }
        };
    }
}
