package scratchnet.exec;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import scratchnet.exec.debug.LineTable;

/**
 * Reads how JShell wrapped a snippet into its class, for the debugger's {@link LineTable}: the
 * wrapper's source and JShell's snippet-to-wrapper position map, which JShell keeps to itself
 * (read through reflection; the jar's manifest opens {@code jdk.jshell}). Anything unexpected
 * gives null: the snippet is then not debuggable, and nothing else changes.
 * <pre>{@code
 * LineTable t = JShellWraps.lineTable(shell, "REPL.$JShell$12", "\nint b = a +\n 2;", 4);
 * }</pre>
 */
final class JShellWraps {
    /** The wrapper class a class belongs to: {@code REPL.$JShell$12} of {@code REPL.$JShell$12$Foo}. */
    private static final Pattern WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$\\d+");

    private JShellWraps() {
    }

    /**
     * The line table of class {@code className} when it is the wrapper (or a class nested in the
     * wrapper) of the snippet {@code source}, whose first character is on cell line
     * {@code firstCellLine}; null when it is not, or JShell's internals cannot be read.
     */
    static LineTable lineTable(JShell shell, String className, String source, int firstCellLine) {
        Matcher m = WRAPPER.matcher(className);
        if (!m.find()) {
            return null;
        }
        try {
            Field mapField = JShell.class.getDeclaredField("outerMap");
            mapField.setAccessible(true);
            Object map = mapField.get(shell);
            Method getOuter = map.getClass().getDeclaredMethod("getOuter", String.class);
            getOuter.setAccessible(true);
            Object outer = getOuter.invoke(map, m.group());
            if (outer == null) {
                return null;
            }
            // only a wrapper of this one snippet: with several, positions would be ambiguous
            Field snippetsField = outer.getClass().getDeclaredField("wrapToSnippet");
            snippetsField.setAccessible(true);
            Map<?, ?> snippets = (Map<?, ?>) snippetsField.get(outer);
            if (snippets.size() != 1
                    || !((Snippet) snippets.values().iterator().next()).source().stripTrailing().equals(source.stripTrailing())) {
                return null;
            }
            Method wrapped = outer.getClass().getMethod("wrapped");
            wrapped.setAccessible(true);
            Method toWrap = outer.getClass().getMethod("snippetIndexToWrapIndex", int.class);
            toWrap.setAccessible(true);
            String text = (String) wrapped.invoke(outer);
            return LineTable.of(source, firstCellLine, text, i -> {
                try {
                    return (Integer) toWrap.invoke(outer, i);
                } catch (ReflectiveOperationException e) {
                    return -1;
                }
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
