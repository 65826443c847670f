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
            case "seeds":
                seeds();
                break;
            case "kernel":
                System.exit(scratchnet.kernel.KernelMain.run(rest));
                break;
            case "kernel-bench":
                System.exit(scratchnet.bench.KernelBench.run(rest));
                break;
            case "bench":
                System.exit(scratchnet.bench.SeedBench.run(rest));
                break;
            case "run":
                System.exit(scratchnet.runner.RunCommand.run(rest));
                break;
            case "jshell":
                System.exit(scratchnet.shell.JShellLauncher.run(rest));
                break;
            case "startup-training":
                // hidden: the workload of the runs that make the kernel's start-up archives (install does this)
                System.exit(scratchnet.install.StartupArchives.train(rest));
                break;
            case "install":
            case "uninstall":
                // args, not rest: InstallCommand.main reads the command (install or uninstall) from args[0]
                System.exit(scratchnet.install.InstallCommand.main(args));
                break;
            case "help":
            case "--help":
            case "-h":
                usage(System.out);
                break;
            default:
                System.err.println("scratchnet: unknown command '" + command + "'; expected one of seeds, kernel,"
                        + " kernel-bench, bench, run, jshell, install, uninstall, help");
                usage(System.err);
                System.exit(2);
        }
    }

    /** Runs the four seed documents' programs from seed(0), printing their losses as the documents do. */
    private static void seeds() {
        System.out.println("== 000/004: fit 20·sin(2πx) with net(1, 25, 1).sigmoid().linear(), lr 0.3, 4000 iterations");
        scratchnet.bench.SeedWorkloads.sine(true);
        System.out.println();
        System.out.println("== 001: logistic regression, 1000 samples × 4 features, lr 0.01, 5001 iterations");
        scratchnet.bench.SeedWorkloads.logistic(true);
        System.out.println();
        System.out.println("== 002: fit exp(x) with a 1-5-1 net, the document's own gradient, 300 iterations");
        scratchnet.bench.SeedWorkloads.expFit(true);
        System.out.println();
        System.out.println("== 003: deep net(2, 3, 4, 5, 1) relu/sigmoid, L2 0.001, lr decay, 2001 iterations");
        scratchnet.bench.SeedWorkloads.deep(true);
    }

    private static void usage(java.io.PrintStream out) {
        out.println("usage: java -jar scratchnet.jar <command> [options]");
        out.println();
        out.println("commands:");
        out.println("  seeds                              run the four seed documents' programs, printing their losses");
        out.println("  kernel <connection-file>           run the Jupyter kernel (Jupyter starts this; see install)");
        out.println("  " + scratchnet.bench.KernelBench.USAGE);
        out.println("                                     time the kernel (start, first cell, cell, shutdown, notebooks,");
        out.println("                                     notebook 000 through nbconvert) beside python3's");
        out.println("  bench [--anchors DIR] [--runs N] [--only dot,mlp,seeds]");
        out.println("                                     matrix multiply GFLOPS, the MLP epoch and the seed workloads,");
        out.println("                                     beside numpy (and PyTorch) when python3 has them; the numpy");
        out.println("                                     programs are the checkout's bench/numpy unless --anchors DIR");
        out.println("  " + scratchnet.runner.RunCommand.USAGE);
        out.println("                                     execute notebooks headless; write <name>.out.ipynb and <name>.html");
        out.println("  jshell [jshell options]            JShell with scratchnet on the class path and its imports done");
        out.println("  install [--user | --sys-prefix | --prefix DIR] [--name NAME] [--no-archives]");
        out.println("                                     install the Jupyter kernelspec (kernel.json, logos and the");
        out.println("                                     start-up archives that make the kernel start faster)");
        out.println("  uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]");
        out.println("                                     remove that kernelspec");
        out.println("  help                               this text");
    }
}
