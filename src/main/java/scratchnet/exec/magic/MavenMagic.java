package scratchnet.exec.magic;

import scratchnet.exec.CellEvaluator;
import scratchnet.exec.CellException;
import scratchnet.exec.CellOutput;

/**
 * {@code %maven group:artifact:version}: fetches an artifact and its dependencies from Maven
 * Central and adds them to the cells' class path.
 */
final class MavenMagic {
    private MavenMagic() {
    }

    static void resolve(String coordinates, CellEvaluator evaluator, CellOutput kernel) throws CellException {
        String[] parts = coordinates.trim().split(":");
        if (parts.length != 3 || coordinates.isBlank()) {
            throw Magics.usage("%maven expects group:artifact:version, for example %maven org.apache.commons:commons-math3:3.6.1;"
                    + " got '" + coordinates + "'");
        }
        for (String jar : MavenResolver.resolve(parts[0], parts[1], parts[2], kernel::text)) {
            evaluator.addToClasspath(jar);
        }
    }
}
