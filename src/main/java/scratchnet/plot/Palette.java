package scratchnet.plot;

import java.awt.Color;

/** The colours every figure uses: ten strong series colours and their pale versions for regions. */
final class Palette {
    /** Matplotlib's "tab10": blue, orange, green, red, purple, brown, pink, grey, olive, cyan. */
    static final Color[] STRONG = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    static final Color GRID = new Color(0xe6e6e6);
    static final Color BORDER = new Color(0xbfbfbf);
    static final Color TEXT = new Color(0x333333);

    private Palette() {
    }

    /** The strong colour of class (or series) {@code k}; the palette repeats after ten. */
    static Color strong(int k) {
        return STRONG[Math.floorMod(k, STRONG.length)];
    }

    /** The strong colour mixed with white, three parts white to one part colour. */
    static Color pale(int k) {
        Color c = strong(k);
        return new Color(mix(c.getRed()), mix(c.getGreen()), mix(c.getBlue()));
    }

    private static int mix(int channel) {
        return (int) Math.round(0.25 * channel + 0.75 * 255);
    }
}
