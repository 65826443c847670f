package scratchnet.exec.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import scratchnet.exec.CellException;

/**
 * Resolves an artifact with its runtime dependencies from Maven Central into the local Maven
 * repository ({@code ~/.m2/repository}), using Maven's own resolver.
 * <pre>{@code
 * List<String> jars = MavenResolver.resolve("org.apache.commons", "commons-math3", "3.6.1", log);
 * }</pre>
 */
final class MavenResolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private MavenResolver() {
    }

    /** The jar paths of the artifact and its runtime dependencies, downloading what is missing. */
    static List<String> resolve(String group, String artifact, String version, BiConsumer<Boolean, String> log)
            throws CellException {
        String coords = group + ":" + artifact + ":" + version;
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            Path local = Path.of(System.getProperty("user.home"), ".m2", "repository");
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(local.toFile())));
            RemoteRepository central = new RemoteRepository.Builder("central", "default", CENTRAL).build();
            CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coords), JavaScopes.RUNTIME),
                    List.of(central));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<String> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(r.getArtifact().getFile().getAbsolutePath());
                log.accept(false, "resolved " + r.getArtifact() + "\n");
            }
            return jars;
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw Magic.error("%maven " + coords + ": could not resolve it from Maven Central: " + why);
        } finally {
            system.shutdown();
        }
    }
}
