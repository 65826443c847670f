package scratchnet.exec.magic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import scratchnet.exec.CellException;

/**
 * {@code %classpath <jar or dir>[:<jar or dir>...]}: adds jars or class directories to the
 * cells' class path (compiler and cell JVM); it survives a restart of the cell JVM.
 * <pre>{@code
 * %classpath lib/extra.jar
 * // added to the class path: /home/me/notebooks/lib/extra.jar
 * }</pre>
 */
final class ClasspathMagic implements Magic {
    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public List<String> forms() {
        return List.of("%classpath <jar or dir>");
    }

    @Override
    public void runLine(String arg, int cell, Magics magics) throws CellException {
        if (arg.isEmpty()) {
            throw Magic.error("%classpath needs a jar file or a directory, for example %classpath lib/extra.jar");
        }
        for (String entry : arg.split(File.pathSeparator)) {
            Path p = Path.of(entry.trim()).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw Magic.error("%classpath: " + p + " does not exist (expected a jar file or a directory of classes)");
            }
            magics.cells().addToClasspath(p.toString());
            magics.output().text(false, "added to the class path: " + p + "\n");
        }
    }
}
