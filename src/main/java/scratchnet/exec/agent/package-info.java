/**
 * The classes that run inside the cell JVM, not in the kernel: JShell's agent with a prompt
 * socket and a stoppable frame ({@link scratchnet.exec.agent.CellAgent}), the interrupt and
 * sync listener, the output sync mark and the background warm-up. They are named by string on
 * the cell JVM's command line and in the code the kernel sends, so a rename must update those.
 * <pre>{@code
 * java ... scratchnet.exec.agent.CellAgent 41237   // what JShell's JDI launcher runs
 * scratchnet.exec.agent.Sync.mark(7);               // what a cell JVM writes after a cell
 * }</pre>
 */
package scratchnet.exec.agent;
