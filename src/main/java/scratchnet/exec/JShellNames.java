package scratchnet.exec;

import java.util.regex.Pattern;

/**
 * Takes JShell's wrapper names out of text shown to the user. JShell compiles each snippet into a
 * wrapper class {@code REPL.$JShell$<n>}, so the JVM's messages name a cell's variable {@code s}
 * as {@code REPL.$JShell$34.s} and a class {@code Foo} declared in a cell as
 * {@code REPL.$JShell$12$Foo}; the user wrote {@code s} and {@code Foo}.
 * <pre>{@code
 * JShellNames.strip("Cannot invoke \"String.length()\" because \"REPL.$JShell$34.s\" is null");
 * // Cannot invoke "String.length()" because "s" is null
 * JShellNames.strip("class REPL.$JShell$12$Foo cannot be cast to class java.lang.String");
 * // class Foo cannot be cast to class java.lang.String
 * }</pre>
 */
public final class JShellNames {
    /** A wrapper's name followed by the member or nested class it holds: the wrapper goes. */
    private static final Pattern QUALIFIER = Pattern.compile("(?:REPL\\.)?\\$JShell\\$\\d+[A-Za-z]*[.$]");
    /** A wrapper's name on its own: it stands for the cell's code. */
    private static final Pattern WRAPPER = Pattern.compile("(?:REPL\\.)?\\$JShell\\$\\d+[A-Za-z]*");

    private JShellNames() {
    }

    /** {@code text} with every JShell wrapper name replaced by the name the user wrote; null stays null. */
    public static String strip(String text) {
        if (text == null || !text.contains("$JShell$")) {
            return text;
        }
        String members = QUALIFIER.matcher(text).replaceAll("");
        return WRAPPER.matcher(members).replaceAll("cell");
    }
}
