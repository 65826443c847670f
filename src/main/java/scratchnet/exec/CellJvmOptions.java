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
 * // [-Djava.awt.headless=true, -Dscratchnet.display=frames, ..., --add-modules=jdk.incubator.vector,
 * //  --class-path, scratchnet.jar]
 * }</pre>
 */
public final class CellJvmOptions {
    /** Whether this JDK has the Vector API module (every JDK from 16 has, unless jlink left it out). */
    private static final boolean VECTOR_MODULE_PRESENT = ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent();

    private CellJvmOptions() {
    }

    /** The options for a cell JVM whose class path is {@code classPath}. */
    public static List<String> of(String classPath) {
        List<String> vm = new ArrayList<>();
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
