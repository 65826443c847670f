package scratchnet.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import scratchnet.settings.Settings;

/**
 * Finds the numpy twins of the bench workloads: {@code bench/numpy/} of the repository, looked up
 * beside the jar this class runs from ({@code target/scratchnet.jar} → {@code bench/numpy}) and
 * then under the working directory. The environment variable {@code SCRATCHNET_ANCHORS}, like
 * the bench's {@code --anchors DIR}, names another directory.
 * <pre>{@code
 * Path dir = NumpyTwins.find();          // null when there is none
 * Path seeds = dir.resolve(NumpyTwins.SEEDS);
 * }</pre>
 */
final class NumpyTwins {
    /** The four seed programs; prints {@code seed000 train_s=… first=… last=…} per seed. */
    static final String SEEDS = "seeds.py";
    /** The MLP epoch; prints {@code numpy epoch_s=… samples_per_s=… loss=…} (and a torch line). */
    static final String MLP = "mlp_scale.py";
    /** Where the twins live in the repository. */
    static final Path IN_REPO = Path.of("bench", "numpy");

    private NumpyTwins() {
    }

    /** The directory holding {@link #SEEDS}, or null when none is found. */
    static Path find() {
        String env = Settings.anchors();
        if (env != null) {
            return Path.of(env);
        }
        Path repo = repositoryOfJar();
        for (Path base : new Path[] {repo, Path.of("").toAbsolutePath()}) {
            if (base != null && Files.isRegularFile(base.resolve(IN_REPO).resolve(SEEDS))) {
                return base.resolve(IN_REPO);
            }
        }
        return null;
    }

    /** The repository root when running from {@code <repo>/target/…}; null otherwise. */
    private static Path repositoryOfJar() {
        CodeSource source = NumpyTwins.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            // target/scratchnet.jar or target/classes: the repository is two levels up
            Path target = Path.of(source.getLocation().toURI()).getParent();
            return target == null ? null : target.getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
