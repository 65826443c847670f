package scratchnet.exec;

/**
 * How Jupyter knows the kernel that runs scratchnet cells: the kernelspec name, the name shown
 * in menus, and the language info (Java, read by JShell, highlighted as Java). The installer
 * writes them into {@code kernel.json}, the kernel answers {@code kernel_info} with them, and the
 * headless runner writes them into the notebooks it executes, so all three agree.
 * <pre>{@code
 * meta.put("kernelspec", Map.of("name", KernelIdentity.NAME, "display_name", KernelIdentity.DISPLAY_NAME));
 * KernelIdentity.languageVersion()   // "17" on JDK 17
 * }</pre>
 */
public final class KernelIdentity {
    /** The kernelspec name ({@code kernels/scratchnet/}). */
    public static final String NAME = "scratchnet";
    /** The name Jupyter shows in its kernel menus. */
    public static final String DISPLAY_NAME = "Java (scratchnet)";
    /** The cells' language. */
    public static final String LANGUAGE = "java";
    /** The cells' MIME type, also CodeMirror's mode for them. */
    public static final String MIMETYPE = "text/x-java";
    /** The file extension of the cells' code: Java source (what {@code nbconvert --to script} names its file). */
    public static final String FILE_EXTENSION = ".java";
    /** The Pygments lexer that highlights the cells. */
    public static final String PYGMENTS_LEXER = "java";

    private KernelIdentity() {
    }

    /** The language version: the running JDK's feature release, as JShell compiles for it ("17"). */
    public static String languageVersion() {
        return Integer.toString(Runtime.version().feature());
    }
}
