package scratchnet.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import scratchnet.exec.KernelIdentity;
import scratchnet.exec.NativeHeapTrim;

/**
 * The {@code kernel.json} of the scratchnet kernelspec: how Jupyter starts the kernel (the java
 * executable, {@link #JVM_OPTIONS}, {@code -jar scratchnet.jar kernel {connection_file}}), its
 * display name, and message-based interrupts.
 * <pre>{@code
 * byte[] json = KernelJson.bytes(Path.of("scratchnet.jar"), Path.of("/usr/bin/java"), List.of());
 * // {"argv": ["/usr/bin/java", "-Djava.awt.headless=true", ..., "-jar", ".../scratchnet.jar", "kernel",
 * //           "{connection_file}"], "display_name": "Java (scratchnet)", "language": "java", ...}
 * }</pre>
 */
public final class KernelJson {
    /** JVM options of the kernel process: it only orchestrates and compiles, user code runs in a child JVM. */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Djava.awt.headless=true", "-XX:+UseSerialGC",
            // a small first heap: the default (1/64 of the machine's memory) is touched before the
            // first collection, and it made up a third of the kernel process's memory
            "-Xms8m",
            // C1 only: the kernel's work (messaging, javac for each cell) is short-lived, and C2
            // compiling javac takes a core for seconds at start-up, when the cell JVM needs it
            "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            // javac's garbage is short-lived: a small young generation, and a heap that gives back
            // what a collection freed beyond 30 % spare (the JDK keeps up to 70 %)
            "-XX:MaxNewSize=8m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");

    private KernelJson() {
    }

    /**
     * The kernel.json for {@code jar} run by {@code java}, with {@code extraJvmOptions} after
     * {@link #JVM_OPTIONS} (and {@link NativeHeapTrim} where {@code java} has it), as UTF-8 bytes
     * with a final newline.
     */
    public static byte[] bytes(Path jar, Path java, List<String> extraJvmOptions) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(java.toAbsolutePath().normalize().toString());
        argv.addAll(JVM_OPTIONS);
        if (NativeHeapTrim.supportedBy(java)) {
            argv.add(NativeHeapTrim.OPTION);
        }
        argv.addAll(extraJvmOptions);
        argv.add("-jar");
        argv.add(jar.toAbsolutePath().normalize().toString());
        argv.add("kernel");
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", KernelIdentity.DISPLAY_NAME);
        spec.put("language", KernelIdentity.LANGUAGE);
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        // JupyterLab offers its debugger for kernels whose spec says so
        spec.put("metadata", Map.of("debugger", true));
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec);
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
