/**
 * The command line's building blocks, below every command: {@link scratchnet.cli.Args} parses a
 * command's options and says clearly what was expected when they do not fit.
 * <pre>{@code
 * Args a = Args.spec().option("--runs", "N").flag("--no-archives").parse(args);
 * int runs = a.positiveInt("--runs", 3);
 * }</pre>
 */
package scratchnet.cli;
