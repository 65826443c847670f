package scratchnet.exec.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import scratchnet.exec.CellException;
import scratchnet.settings.Settings;

/**
 * Resolves an artifact with its runtime dependencies from Maven Central into the local Maven
 * repository ({@code ~/.m2/repository}), using Maven's own resolver. A download whose checksum
 * does not match the repository's is an error naming the artifact, never a silent warning; the
 * resolver's warnings (an invalid or missing POM) go to the cell's stderr.
 * <pre>{@code
 * List<String> jars = MavenResolver.resolve("org.apache.commons", "commons-math3", "3.6.1", log);
 * }</pre>
 */
final class MavenResolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private MavenResolver() {
    }

    /** The jar paths of the artifact and its runtime dependencies, downloading what is missing from Maven Central. */
    static List<String> resolve(String group, String artifact, String version, BiConsumer<Boolean, String> log)
            throws CellException {
        return resolve(group + ":" + artifact + ":" + version, CENTRAL,
                Settings.userHome().resolve(".m2").resolve("repository"), log);
    }

    /**
     * The jar paths of {@code coords} ({@code group:artifact:version}) and its runtime
     * dependencies, downloaded from the repository at {@code remote} into the local repository
     * {@code local}. {@code %maven} uses Maven Central and {@code ~/.m2/repository}; tests point
     * both at directories ({@code file:} URLs) of their own.
     *
     * @throws CellException when it cannot be resolved, or a checksum does not match
     */
    static List<String> resolve(String coords, String remote, Path local, BiConsumer<Boolean, String> log)
            throws CellException {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(local.toFile())));
            // a download whose checksum does not match is refused, not taken with a warning
            session.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL);
            session.setRepositoryListener(new AbstractRepositoryListener() {
                @Override
                public void artifactDescriptorInvalid(RepositoryEvent event) {
                    log.accept(true, "warning: the POM of " + event.getArtifact() + " is invalid: "
                            + why(event.getException()) + "\n");
                }

                @Override
                public void artifactDescriptorMissing(RepositoryEvent event) {
                    log.accept(true, "warning: " + event.getArtifact() + " has no POM; its dependencies are unknown\n");
                }
            });
            RemoteRepository repository = new RemoteRepository.Builder("central", "default", remote).build();
            CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coords), JavaScopes.RUNTIME),
                    List.of(repository));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<String> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(r.getArtifact().getFile().getAbsolutePath());
                log.accept(false, "resolved " + r.getArtifact() + "\n");
            }
            return jars;
        } catch (Exception e) {
            String checksum = checksumFailure(e, remote);
            if (checksum != null) {
                throw Magic.error("%maven " + coords + ": " + checksum);
            }
            throw Magic.error("%maven " + coords + ": could not resolve it from " + remote + ": " + why(e));
        } finally {
            system.shutdown();
        }
    }

    /** What a checksum failure among the causes of {@code e} says, naming the artifact; null when there is none. */
    private static String checksumFailure(Throwable e, String remote) {
        String artifact = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArtifactTransferException transfer && transfer.getArtifact() != null) {
                artifact = transfer.getArtifact().toString();
            }
            if (t instanceof ChecksumFailureException) {
                return "the checksum of " + (artifact != null ? artifact : "a download") + " from " + remote
                        + " does not match the repository's (" + why(t) + "); the file is corrupt or was altered,"
                        + " so nothing was added to the class path";
            }
        }
        return null;
    }

    private static String why(Throwable e) {
        return e == null ? "no reason given" : e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
