package scratchnet.exec;

import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;

/**
 * The cell JVM's options apart from the debugger's and the per-session ones: the same in the
 * kernel and in the training run that makes the cell JVM's class-data sharing archive (an
 * archive only fits a JVM with the same class path and modules).
 * <pre>{@code
 * CellJvmOptions.of("scratchnet.jar")
 * // [-XX:+UseSerialGC, -Xms8m, -XX:MinHeapFreeRatio=10, ..., -Djava.awt.headless=true, -Dscratchnet.display=frames, ..., --add-modules=jdk.incubator.vector,
 * //  --class-path, scratchnet.jar]
 * }</pre>
 */
public final class CellJvmOptions {
    /** Whether this JDK has the Vector API module (every JDK from 16 has, unless jlink left it out). */
    private static final boolean VECTOR_MODULE_PRESENT = ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent();

    private CellJvmOptions() {
    }

    /**
     * The cell JVM's garbage collector unless the user chose one. A cell allocates a new matrix per
     * operation; the serial collector keeps the heap near what is live, where the JDK's default on a
     * machine with two cores or more (G1) let the same notebook grow to 0.6–0.9 GB, and it is no
     * slower on these small heaps (docs/performance.md, "Kernel memory").
     */
    static final String DEFAULT_GC = "-XX:+UseSerialGC";

    /**
     * The cell JVM's first heap unless the user chose one. The JDK's default is 1/64 of the
     * machine's memory, and a JVM keeps what it has touched: a small first heap grows as far as
     * the cells need and no further, which is what lets many kernels share one server.
     */
    static final String DEFAULT_INITIAL_HEAP = "-Xms8m";

    /** The options for a cell JVM whose class path is {@code classPath}. */
    public static List<String> of(String classPath) {
        return of(classPath, List.of());
    }

    /**
     * The options for a cell JVM whose class path is {@code classPath}, to be followed by the
     * user's {@code userOptions}: the serial collector and a small first heap unless those choose
     * a collector or a first heap.
     */
    public static List<String> of(String classPath, List<String> userOptions) {
        List<String> vm = new ArrayList<>();
        if (userOptions.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w*GC"))) {
            vm.add(DEFAULT_GC);
        }
        if (userOptions.stream().noneMatch(o -> o.startsWith("-Xms") || o.startsWith("-XX:InitialHeapSize"))) {
            vm.add(DEFAULT_INITIAL_HEAP);
        }
        // the heap gives back what a collection freed beyond 30 % spare (the JDK keeps up to 70 %)
        vm.add("-XX:MinHeapFreeRatio=10");
        vm.add("-XX:MaxHeapFreeRatio=30");
        // the compiler's scratch memory goes back to the system after it compiled the training loop
        if (NativeHeapTrim.supportedHere()) {
            vm.add(NativeHeapTrim.OPTION);
        }
        vm.add("-Djava.awt.headless=true");
        vm.add("-Dscratchnet.display=frames");
        vm.add("-Dfile.encoding=UTF-8");
        vm.add("-Dstdout.encoding=UTF-8");
        // the optional native BLAS (JNI) would otherwise print a warning into the first big product's cell
        vm.add("--enable-native-access=ALL-UNNAMED");
        // the engine's SIMD loops use the Vector API, an incubating module that must be added
        if (VECTOR_MODULE_PRESENT) {
            vm.add("--add-modules=jdk.incubator.vector");
        }
        vm.add("--class-path");
        vm.add(classPath);
        return vm;
    }
}
