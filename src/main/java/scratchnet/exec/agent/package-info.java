/**
 * The classes that run inside the cell JVM, not in the kernel: JShell's agent with a prompt
 * socket and a stoppable frame ({@link scratchnet.exec.agent.CellAgent}), the interrupt and
 * sync listener, the output sync mark, the cell JVM's stdout and stderr, the background warm-up,
 * the description of the variables ({@code VariableProbe}, for {@code %vars}), and the errors the kernel's debugger throws into the cell JVM ({@code SystemExit},
 * {@code ThreadStopped}). They are named by string on the cell JVM's command line, in the code
 * the kernel sends and in the debugger's look-ups, so a rename must update those.
 * <pre>{@code
 * java ... scratchnet.exec.agent.CellAgent 41237   // what JShell's JDI launcher runs
 * scratchnet.exec.agent.Sync.mark(7);               // what a cell JVM writes after a cell
 * }</pre>
 */
package scratchnet.exec.agent;
