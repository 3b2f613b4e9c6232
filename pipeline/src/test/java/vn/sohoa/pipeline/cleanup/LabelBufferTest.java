package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;

/**
 * Labellings one after another on the same kept buffer (a large page, then a smaller one, then a large one
 * again) find exactly the regions drawn on each page and paint exactly their pixels: nothing of an earlier
 * page's labels shows through.
 */
class LabelBufferTest {

    /** A white page with {@code n} black squares of 10 pixels in a row, 30 pixels apart. */
    private static BufferedImage squares(int width, int height, int n) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        for (int i = 0; i < n; i++) {
            g.fillRect(20 + 30 * i, 40, 10, 10);
        }
        g.dispose();
        return page;
    }

    private static int black(BufferedImage grey) {
        int n = 0;
        for (byte p : ((DataBufferByte) grey.getRaster().getDataBuffer()).getData()) {
            n += p == 0 ? 1 : 0;
        }
        return n;
    }

    private static void assertLabels(BufferedImage page, int squares) {
        try (DarkComponents dark = DarkComponents.of(page, 128)) {
            assertThat(dark.count()).as("paper and squares").isEqualTo(squares + 1);
            for (int i = 1; i < dark.count(); i++) {
                assertThat(dark.get(i)).isEqualTo(new DarkComponents.Component(20 + 30 * (i - 1), 40, 10, 10, 100));
            }
            boolean[] erase = new boolean[dark.count()];
            erase[1] = true;
            BufferedImage painted = dark.erase(page, erase);
            assertThat(black(painted)).as("all but the first square left").isEqualTo(100 * (squares - 1));
        }
    }

    @Test
    void aKeptBufferLabelsEachPageAsAFreshOneWould() {
        assertLabels(squares(1200, 900, 30), 30);
        assertLabels(squares(400, 300, 5), 5);
        assertLabels(squares(300, 1000, 3), 3);
        assertLabels(squares(1200, 900, 12), 12);
    }

    @Test
    void aPageLabelledWhileAnotherIsOpenGetsABufferOfItsOwn() {
        try (DarkComponents first = DarkComponents.of(squares(600, 200, 8), 128)) {
            assertLabels(squares(600, 200, 2), 2);
            boolean[] erase = new boolean[first.count()];
            assertThat(black(first.erase(squares(600, 200, 8), erase))).isEqualTo(800);
            assertThat(first.count()).isEqualTo(9);
        }
    }

    @Test
    void aComponentsClosedTwiceGivesItsBufferBackOnce() {
        DarkComponents twice = DarkComponents.of(squares(600, 200, 4), 128);
        twice.close();
        twice.close();
        // two labellings open at once must not share the one buffer given back
        try (DarkComponents first = DarkComponents.of(squares(600, 200, 8), 128);
             DarkComponents second = DarkComponents.of(squares(600, 200, 2), 128)) {
            assertThat(black(first.erase(squares(600, 200, 8), new boolean[first.count()]))).isEqualTo(800);
            boolean[] erase = new boolean[first.count()];
            erase[8] = true;
            assertThat(black(first.erase(squares(600, 200, 8), erase))).as("the first page's own labels").isEqualTo(700);
            assertThat(second.count()).isEqualTo(3);
        }
    }
}
