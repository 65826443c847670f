/**
 * Cell magics: lines starting with {@code %} (and a first line {@code %%time}) that the kernel
 * and the notebook runner handle themselves instead of passing to JShell.
 * <pre>{@code
 * new Magics(cells, output).run("%classpath lib/extra.jar\nvar t = new Extra();", 3);
 * }</pre>
 */
package scratchnet.exec.magic;
