/**
 * {@code java -jar scratchnet.jar jshell}: the JDK's JShell with scratchnet on the class path and
 * the notebook imports done.
 * <pre>{@code
 * $ java -jar target/scratchnet.jar jshell
 * jshell> var model = net(1, 25, 1).sigmoid().linear();
 * }</pre>
 */
package scratchnet.shell;
