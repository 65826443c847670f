/**
 * The headless notebook runner: {@code java -jar scratchnet.jar run notebooks/} executes each
 * notebook with the Jupyter kernel's own evaluator and writes {@code <name>.out.ipynb} (the
 * executed notebook, as Jupyter would save it) and {@code <name>.html} (a self-contained page).
 * <pre>{@code
 * int status = RunCommand.run(new String[] {"notebooks", "--output", "build/notebooks"});
 * NotebookResult r = new NotebookRunner(System.out).run(Path.of("notebooks/000-sine.ipynb"));
 * }</pre>
 */
package scratchnet.runner;
