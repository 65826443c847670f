package scratchnet.exec;

/**
 * The names by which Jupyter knows the kernel that runs scratchnet cells: the kernelspec name
 * and the name shown in menus. The installer writes them into {@code kernel.json}; the headless
 * runner writes them into the metadata of the notebooks it executes, so both agree.
 * <pre>{@code
 * meta.put("kernelspec", Map.of("name", KernelIdentity.NAME, "display_name", KernelIdentity.DISPLAY_NAME));
 * }</pre>
 */
public final class KernelIdentity {
    /** The kernelspec name ({@code kernels/scratchnet/}). */
    public static final String NAME = "scratchnet";
    /** The name Jupyter shows in its kernel menus. */
    public static final String DISPLAY_NAME = "Java (scratchnet)";

    private KernelIdentity() {
    }
}
