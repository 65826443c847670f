/**
 * The one place that reads system properties and environment variables for the engine, the
 * layers, the plots and the displays ({@link scratchnet.settings.Settings}). It imports nothing
 * from scratchnet, so every package may use it.
 * <pre>{@code
 * if (Settings.simdSwitchedOff()) { ... }
 * }</pre>
 */
package scratchnet.settings;
