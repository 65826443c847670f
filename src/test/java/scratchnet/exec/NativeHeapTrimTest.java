package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scratchnet.install.RunningJava;

/** The native heap trim is asked for only from a JDK that starts with it. */
class NativeHeapTrimTest {
    @TempDir
    Path tmp;

    @Test
    void theRunningJdkAnswersAsItsJavaDoes() {
        // JDK 17.0.9 and later have the option; the probe of the executable and the JVM's own answer agree
        assertThat(NativeHeapTrim.supportedBy(RunningJava.executable())).isEqualTo(NativeHeapTrim.supportedHere());
    }

    @Test
    void aJavaThatRefusesTheOptionIsNotGivenIt() throws Exception {
        Path old = tmp.resolve("java");
        Files.writeString(old, "#!/bin/sh\necho \"Unrecognized VM option '$1'\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(NativeHeapTrim.supportedBy(old)).isFalse();
        assertThat(NativeHeapTrim.supportedBy(tmp.resolve("no-such-java"))).isFalse();
    }

    @Test
    void theCellJvmGetsItWhereTheJdkHasIt() {
        assertThat(CellJvmOptions.of("scratchnet.jar").contains(NativeHeapTrim.OPTION))
                .isEqualTo(NativeHeapTrim.supportedHere());
        assertThat(CellJvmOptions.of("scratchnet.jar")).contains("-XX:MaxHeapFreeRatio=30");
    }
}
