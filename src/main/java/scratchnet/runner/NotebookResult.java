package scratchnet.runner;

import java.nio.file.Path;

/**
 * What running one notebook gave: where its outputs went, how many code cells ran, and the first
 * error, if any.
 * <pre>{@code
 * NotebookResult r = new NotebookRunner(System.out).run(Path.of("notebooks/000-sine.ipynb"));
 * if (!r.ok()) System.err.println(r.name() + " failed at cell " + r.failedCell() + ": " + r.error());
 * }</pre>
 *
 * @param source       the notebook that was run
 * @param notebookOut  the executed notebook ({@code <name>.out.ipynb}), or null when none was written
 * @param htmlOut      the HTML page ({@code <name>.html}), or null when none was written
 * @param cellsRun     code cells that ran, the failing one included
 * @param codeCells    code cells in the notebook (blank ones are not counted: they do not run)
 * @param failedCell   the number of the code cell that failed (1-based), 0 when none did
 * @param error        the error, for example {@code "ShapeException: dot: (2×3)·(2×3) …"}, or null
 * @param seconds      wall time for the whole notebook, the cell JVM's start included
 */
public record NotebookResult(Path source, Path notebookOut, Path htmlOut, int cellsRun, int codeCells,
                             int failedCell, String error, double seconds) {
    /** True when every code cell ran without error and both output files were written. */
    public boolean ok() {
        return error == null;
    }

    /** The notebook's name without {@code .ipynb}, as the progress lines show it. */
    public String name() {
        return NotebookRunner.baseName(source);
    }
}
