package scratchnet.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * scratchnet's layers, lowest first, and the check that every dependency between its classes
 * points down (or stays inside one package). A class may use its own layer's package and every
 * layer below; the few packages that share a layer may not use each other unless listed in
 * {@link #ALLOWED_SIDEWAYS}.
 * <pre>{@code
 * List<String> wrong = Layers.violations(new ClassFileImporter().importPackages("scratchnet"));
 * // ["scratchnet.nn.History -> scratchnet.plot.Figure (nn may not use plot)"]
 * }</pre>
 */
final class Layers {
    /** Packages by layer, lowest first; "" is the root package {@code scratchnet} (the DSL). */
    static final List<List<String>> ORDER = List.of(
            List.of("io", "cli", "settings"),          // utilities every layer may use
            List.of("engine"),                         // matrices, random numbers, loops
            List.of("nn"),                             // layers, losses, optimisers, training
            List.of("data", "plot"),                   // data sets and tables; charts
            List.of("display"),                        // rich output for notebooks and terminals
            List.of("widgets"),                        // comms and Jupyter widgets
            List.of(""),                               // scratchnet.Dsl
            List.of("exec"),                           // running cells: cell JVM, JShell, magics
            List.of("kernel", "runner", "shell", "install", "bench"),  // the programs
            List.of("Main"));                          // the command line

    /** Uses between packages of one layer that are allowed: from → to. */
    static final Map<String, List<String>> ALLOWED_SIDEWAYS = Map.of(
            "install", List.of("kernel"),              // the kernelspec names the kernel's main class
            "bench", List.of("kernel", "install", "runner"));

    private Layers() {
    }

    /** The top-level package of a scratchnet class ("" for the root package, "Main" for scratchnet.Main). */
    static String area(JavaClass c) {
        String pkg = c.getPackageName();
        if (pkg.equals("scratchnet")) {
            return c.getName().equals("scratchnet.Main") || c.getName().startsWith("scratchnet.Main$") ? "Main" : "";
        }
        String rest = pkg.substring("scratchnet.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The layer index of an area, or -1 when the area is in no layer. */
    static int layer(String area) {
        for (int i = 0; i < ORDER.size(); i++) {
            if (ORDER.get(i).contains(area)) {
                return i;
            }
        }
        return -1;
    }

    /** Every dependency that breaks the layering, as readable lines, sorted. */
    static List<String> violations(JavaClasses classes) {
        TreeSet<String> wrong = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith("scratchnet")) {
                continue;
            }
            String from = area(c);
            int fromLayer = layer(from);
            if (fromLayer < 0) {
                wrong.add(c.getName() + " is in package " + c.getPackageName() + ", which no layer lists");
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith("scratchnet")) {
                    continue;
                }
                String to = area(target);
                if (to.equals(from)) {
                    continue;
                }
                int toLayer = layer(to);
                boolean down = toLayer >= 0 && toLayer < fromLayer;
                boolean sideways = toLayer == fromLayer
                        && ALLOWED_SIDEWAYS.getOrDefault(from, List.of()).contains(to);
                if (!down && !sideways) {
                    wrong.add(c.getName() + " -> " + target.getName() + " (" + name(from) + " may not use "
                            + name(to) + ")");
                }
            }
        }
        return new ArrayList<>(wrong);
    }

    private static String name(String area) {
        return area.isEmpty() ? "the DSL (scratchnet.Dsl)" : area;
    }
}
