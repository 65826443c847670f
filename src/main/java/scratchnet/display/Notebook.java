package scratchnet.display;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.List;

import scratchnet.nn.FitDisplays;
import scratchnet.plot.Plots;
import scratchnet.settings.Settings;

/**
 * Switches a JVM to notebook or terminal output. The Jupyter kernel calls {@link #install()} once
 * in the JVM that runs the cells: displays then go out as frames, and every {@code fit} shows a live
 * progress bar and loss chart. Nothing is installed by loading this class.
 * <pre>{@code
 * Notebook.install();            // kernel start-up, in the cell JVM
 * Notebook.installTerminal();    // JShell start-up: a text progress bar for every fit
 * }</pre>
 */
public final class Notebook {
    private Notebook() {
    }

    /**
     * Frames on System.out for every display (sets {@code scratchnet.display=frames} and the frame
     * sink), a {@link NotebookProgress} for every fit that is not {@code quiet()}, charts given to
     * {@code show} displayed inline, and headless AWT
     * for the charts unless {@code java.awt.headless} is already set.
     */
    public static void install() {
        Settings.headlessUnlessSet();
        Settings.useFramesDisplay();
        Display.setSink(DisplaySink.frames());
        FitDisplays.setFactory(() -> List.of(new NotebookProgress()));
        Plots.showInline(Display::display);
    }

    /**
     * A {@link TerminalProgress} bar for every fit, but only when this JVM has an interactive console
     * (on JDK 22 and later, one that {@code isTerminal()}).
     *
     * @return true when the bar was installed, false when there is no console
     */
    public static boolean installTerminal() {
        // -Dscratchnet.progress=terminal forces it (JShell's remote JVM has no console of its own)
        boolean forced = Settings.terminalProgressForced();
        if (FitDisplays.factory() != null || !(forced || interactiveConsole())) {
            return false;
        }
        FitDisplays.setFactory(() -> List.of(new TerminalProgress()));
        return true;
    }

    private static boolean interactiveConsole() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console even when redirected; isTerminal() tells the difference
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(c));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
