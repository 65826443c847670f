package scratchnet.exec.magic;

import java.util.List;
import java.util.Locale;

import scratchnet.exec.CellException;

/**
 * {@code %time <code>} times one line; a cell starting with {@code %%time} is timed as a whole
 * (line magics in it still work). The wall time is printed after the code ran, or failed.
 * <pre>{@code
 * %time model.fit(x, y, lr(0.3), iters(4000))
 * // Wall time: 812.4 ms
 * }</pre>
 */
final class TimeMagic implements Magic {
    @Override
    public String name() {
        return "time";
    }

    @Override
    public List<String> forms() {
        return List.of("%time <code>", "%%time (first line of a cell)");
    }

    @Override
    public void runLine(String arg, int cell, Magics magics) throws CellException {
        if (arg.isEmpty()) {
            throw Magic.error("%time needs code to time, for example %time model.fit(x, y)");
        }
        timed(magics, () -> magics.cells().execute(arg, cell));
    }

    @Override
    public boolean isCellMagic() {
        return true;
    }

    @Override
    public void runCell(String body, int cell, Magics magics) throws CellException {
        timed(magics, () -> magics.runLines(body, cell));
    }

    private interface Body {
        void run() throws CellException;
    }

    private static void timed(Magics magics, Body body) throws CellException {
        long t0 = System.nanoTime();
        try {
            body.run();
        } finally {
            double s = (System.nanoTime() - t0) / 1e9;
            magics.output().text(false, "Wall time: " + format(s) + "\n");
        }
    }

    /** "812.4 ms" below a second, "2.35 s" from one second on. */
    static String format(double seconds) {
        return seconds < 1 ? String.format(Locale.ROOT, "%.1f ms", seconds * 1000)
                : String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
