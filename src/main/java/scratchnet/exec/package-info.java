/**
 * Running notebook cells: a JShell session whose code runs in a separate "cell JVM" controlled
 * through the debugger (so a running cell can always be stopped), its output split into text and
 * display frames, and its errors rendered as tracebacks that point at cell lines. The Jupyter
 * kernel, the headless notebook runner and the JShell launcher all run cells through this
 * package; it knows nothing of Jupyter's messages or of installation.
 * <pre>{@code
 * try (CellEvaluator cells = new CellEvaluator(output, classPath, List.of())) {
 *     cells.execute("var x = arange(0, 1, 0.01); x.sum()", 1);   // output.frame(result)
 * } catch (CellException e) {
 *     e.traceback().forEach(System.err::println);
 * }
 * }</pre>
 * Sub-packages: {@code scratchnet.exec.magic} (the {@code %} magics) and
 * {@link scratchnet.exec.agent} (the classes that run inside the cell JVM).
 */
package scratchnet.exec;
