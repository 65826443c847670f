package scratchnet.exec.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scratchnet.exec.CellException;

/** The resolver behind {@code %maven}, against a repository in a directory: checksums are enforced. */
class MavenResolverTest {
    private static final String POM = "<project><modelVersion>4.0.0</modelVersion><groupId>test.scratchnet</groupId>"
            + "<artifactId>%s</artifactId><version>1.0</version></project>";

    /** Puts test.scratchnet:{artifact}:1.0 (a pom and a jar) into the repository {@code repo}, the jar's .sha1 as given. */
    private static void publish(Path repo, String artifact, byte[] jar, String jarSha1) throws Exception {
        Path dir = Files.createDirectories(repo.resolve("test/scratchnet/" + artifact + "/1.0"));
        byte[] pom = String.format(POM, artifact).getBytes();
        Files.write(dir.resolve(artifact + "-1.0.pom"), pom);
        Files.writeString(dir.resolve(artifact + "-1.0.pom.sha1"), sha1(pom));
        Files.write(dir.resolve(artifact + "-1.0.jar"), jar);
        Files.writeString(dir.resolve(artifact + "-1.0.jar.sha1"), jarSha1);
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void aJarWhoseChecksumDoesNotMatchIsAnErrorNamingTheArtifact(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        byte[] jar = "not really a jar, but bytes with a checksum".getBytes();
        publish(repo, "good", jar, sha1(jar));
        publish(repo, "tampered", jar, sha1("other bytes".getBytes()));
        StringBuilder log = new StringBuilder();

        // the same bytes with the right checksum resolve, so the failure below is the checksum's
        List<String> jars = MavenResolver.resolve("test.scratchnet:good:1.0", repo.toUri().toString(), tmp.resolve("local"),
                (err, text) -> log.append(text));
        assertThat(jars).singleElement().satisfies(p -> assertThat(Files.readAllBytes(Path.of(p))).isEqualTo(jar));
        assertThat(log).contains("resolved test.scratchnet:good:jar:1.0");

        assertThatThrownBy(() -> MavenResolver.resolve("test.scratchnet:tampered:1.0", repo.toUri().toString(),
                tmp.resolve("local"), (err, text) -> log.append(text)))
                .isInstanceOf(CellException.class)
                .hasMessageContaining("%maven test.scratchnet:tampered:1.0: the checksum of test.scratchnet:tampered:jar:1.0")
                .hasMessageContaining("does not match")
                .hasMessageContaining("nothing was added to the class path");
        assertThat(tmp.resolve("local/test/scratchnet/tampered/1.0/tampered-1.0.jar")).doesNotExist();
    }
}
