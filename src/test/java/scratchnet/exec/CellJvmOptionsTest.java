package scratchnet.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The cell JVM runs the serial collector from a small first heap unless the user's options choose otherwise. */
class CellJvmOptionsTest {
    @Test
    void theSerialCollectorByDefault() {
        assertThat(CellJvmOptions.of("scratchnet.jar")).contains("-XX:+UseSerialGC");
        assertThat(CellJvmOptions.of("scratchnet.jar", List.of("-Xmx2g"))).contains("-XX:+UseSerialGC");
    }

    @Test
    void aSmallFirstHeapUnlessTheUserChoosesOne() {
        assertThat(CellJvmOptions.of("scratchnet.jar")).contains("-Xms8m");
        assertThat(CellJvmOptions.of("scratchnet.jar", List.of("-Xms512m"))).noneMatch(o -> o.startsWith("-Xms"));
        assertThat(CellJvmOptions.of("scratchnet.jar", List.of("-XX:InitialHeapSize=64m"))).doesNotContain("-Xms8m");
    }

    @Test
    void aCollectorTheUserChoosesIsNotContradicted() {
        // two collectors on one command line and the JVM refuses to start
        assertThat(CellJvmOptions.of("scratchnet.jar", List.of("-XX:+UseG1GC")))
                .noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"));
        assertThat(CellJvmOptions.of("scratchnet.jar", List.of("-XX:+UseZGC", "-Xmx4g")))
                .doesNotContain("-XX:+UseSerialGC");
    }
}
