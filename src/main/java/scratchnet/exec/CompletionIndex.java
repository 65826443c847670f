package scratchnet.exec;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * JShell's index of the packages and classes on the class path and in the JDK, built when
 * completion first needs it rather than when a session starts. JShell begins the index in the
 * background as soon as a session's code is analysed (every cell is), keeps it for the life of
 * the JVM, and uses it only to complete package names and classes not yet imported; it is the
 * largest thing in the kernel's heap after the compiler (docs/performance.md, "Kernel memory").
 * So a session holds it back, and the first completion request lets it go on.
 * <pre>{@code
 * CompletionIndex.holdBack(shell);   // as a session starts: nothing is indexed yet
 * CompletionIndex.build();           // on the first complete_request
 * }</pre>
 * The switch is JShell's own (its {@code eval} holds the index back while it runs), reached
 * through the {@code Add-Opens: jdk.jshell/jdk.jshell} of scratchnet.jar's manifest; where it
 * cannot be reached, JShell indexes as it always has.
 */
public final class CompletionIndex {
    /** The analyses held back so far, the first session's included (JShell indexes on one thread, in order). */
    private static final List<SourceCodeAnalysis> HELD = new ArrayList<>();
    private static boolean built;

    private CompletionIndex() {
    }

    /** Holds back the index of {@code shell}'s analysis, unless completion has asked for it already. */
    public static synchronized void holdBack(JShell shell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        if (!built && call(analysis, "suspendIndexing")) {
            HELD.add(analysis);
        }
    }

    /** Lets every held-back index be built (once; later calls do nothing). */
    public static synchronized void build() {
        built = true;
        for (SourceCodeAnalysis analysis : HELD) {
            call(analysis, "resumeIndexing");
        }
        HELD.clear();
    }

    /** Whether {@code analysis.method()} ran. */
    private static boolean call(SourceCodeAnalysis analysis, String method) {
        try {
            Method m = analysis.getClass().getMethod(method);
            m.setAccessible(true);
            m.invoke(analysis);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
