package scratchnet.exec.magic;

import java.util.List;

import scratchnet.exec.CellException;

/**
 * {@code %maven group:artifact:version}: fetches an artifact and its dependencies from Maven
 * Central and adds them to the cells' class path.
 * <pre>{@code
 * %maven org.apache.commons:commons-math3:3.6.1
 * // resolved org.apache.commons:commons-math3:jar:3.6.1
 * }</pre>
 */
final class MavenMagic implements Magic {
    @Override
    public String name() {
        return "maven";
    }

    @Override
    public List<String> forms() {
        return List.of("%maven group:artifact:version");
    }

    @Override
    public void runLine(String coordinates, int cell, Magics magics) throws CellException {
        String[] parts = coordinates.trim().split(":");
        if (parts.length != 3 || coordinates.isBlank()) {
            throw Magic.error("%maven expects group:artifact:version, for example %maven org.apache.commons:commons-math3:3.6.1;"
                    + " got '" + coordinates + "'");
        }
        for (String jar : MavenResolver.resolve(parts[0], parts[1], parts[2], magics.output()::text)) {
            magics.cells().addToClasspath(jar);
        }
    }
}
