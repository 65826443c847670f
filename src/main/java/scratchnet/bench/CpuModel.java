package scratchnet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import scratchnet.settings.Settings;

/**
 * The processor's model name, for the head of a bench's output: the first {@code model name} of
 * {@code /proc/cpuinfo} on Linux, otherwise the JVM's {@code os.arch}.
 * <pre>{@code
 * CpuModel.name()   // "AMD EPYC 9B45" (Linux), "aarch64" (elsewhere)
 * }</pre>
 */
final class CpuModel {
    private CpuModel() {
    }

    /** The model name of this machine's processor, or its architecture when the model is not known. */
    static String name() {
        try {
            String model = fromCpuinfo(Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8));
            if (model != null) {
                return model;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture is all there is
        }
        String arch = Settings.osArch();
        return arch.isEmpty() ? "unknown processor" : arch;
    }

    /** The value of the first {@code model name} line of {@code /proc/cpuinfo}'s lines, or null. */
    static String fromCpuinfo(List<String> lines) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                String value = line.substring(colon + 1).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
