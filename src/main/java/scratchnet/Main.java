package scratchnet;

import java.util.Arrays;

/**
 * The command line of {@code scratchnet.jar}.
 * <pre>{@code
 * java -jar target/scratchnet.jar bench          # seed workloads beside numpy
 * }</pre>
 */
public final class Main {
    private Main() {
    }

    /** Runs one command; prints usage for an unknown one and exits with status 2. */
    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "bench":
                System.exit(scratchnet.bench.SeedBench.run(rest));
                break;
            case "help":
            case "--help":
            case "-h":
                usage(System.out);
                break;
            default:
                System.err.println("scratchnet: unknown command '" + command + "'");
                usage(System.err);
                System.exit(2);
        }
    }

    private static void usage(java.io.PrintStream out) {
        out.println("usage: java -jar scratchnet.jar <command> [options]");
        out.println();
        out.println("commands:");
        out.println("  bench [--anchors DIR] [--runs N]   time the seed workloads, beside numpy when python3 has it");
        out.println("  help                               this text");
    }
}
