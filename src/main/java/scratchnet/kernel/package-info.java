/**
 * The Jupyter kernel: the messaging protocol (execute, complete, inspect, history, interrupt,
 * shutdown, kernel_info) on top of jjava-jupyter's sockets, turning a cell's output into IOPub
 * messages. Cells themselves run through {@link scratchnet.exec}; installing the kernelspec is
 * {@code scratchnet.install}'s job.
 * <pre>{@code
 * java -jar scratchnet.jar kernel /run/user/1000/jupyter/kernel-1234.json   // Jupyter runs this
 * }</pre>
 */
package scratchnet.kernel;
