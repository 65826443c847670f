/**
 * Installing the kernel for Jupyter: the kernelspec directory ({@code kernel.json} and logos) in
 * the right Jupyter data dir, and the class-data sharing archives that make the kernel start
 * faster. Only the {@code install} and {@code uninstall} commands use this package; the running
 * kernel reads what it wrote through {@link scratchnet.exec.StartupArchiveDir}.
 * <pre>{@code
 * java -jar target/scratchnet.jar install --prefix /tmp/ks
 * // Installed kernelspec scratchnet in /tmp/ks/share/jupyter/kernels/scratchnet
 * }</pre>
 */
package scratchnet.install;
