package scratchnet.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** Settings: what each system property gives, and what a bad value falls back to. */
class SettingsTest {

    /** Runs {@code read} with the property set to {@code value} (null: cleared), then restores it. */
    private static <T> T with(String property, String value, Supplier<T> read) {
        String before = System.getProperty(property);
        try {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
            return read.get();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    @Test
    void threadsAreCappedAtTheProcessorsAndBadValuesMeanAll() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assertThat(with(Settings.THREADS, "1", Settings::threads)).isEqualTo(1);
        assertThat(with(Settings.THREADS, " 100000 ", Settings::threads)).isEqualTo(cpus);
        assertThat(with(Settings.THREADS, "0", Settings::threads)).isEqualTo(1);
        assertThat(with(Settings.THREADS, "many", Settings::threads)).isEqualTo(cpus);
    }

    @Test
    void cellOutputIsCountedInMegabytesAndZeroMeansNoLimit() {
        // the environment of the build must not set it for the default to show
        if (System.getenv(Settings.CELL_OUTPUT_MB_ENV) == null) {
            assertThat(with(Settings.CELL_OUTPUT_MB, null, Settings::cellOutputBytes)).isEqualTo(64_000_000L);
        }
        assertThat(with(Settings.CELL_OUTPUT_MB, "2.5", Settings::cellOutputBytes)).isEqualTo(2_500_000L);
        assertThat(with(Settings.CELL_OUTPUT_MB, " 0 ", Settings::cellOutputBytes)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> with(Settings.CELL_OUTPUT_MB, "lots", Settings::cellOutputBytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dscratchnet.cell.output.mb=lots: expected the megabytes of text a cell may print,"
                        + " a number ≥ 0 (0 for no limit), got 'lots'");
        assertThatThrownBy(() -> with(Settings.CELL_OUTPUT_MB, "-1", Settings::cellOutputBytes))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keywordsIgnoreCaseAndSpaces() {
        assertThat(with(Settings.SIMD, " OFF ", Settings::simdSwitchedOff)).isTrue();
        assertThat(with(Settings.SIMD, "on", Settings::simdSwitchedOff)).isFalse();
        assertThat(with(Settings.DISPLAY, "frames", Settings::framesDisplay)).isTrue();
        assertThat(with(Settings.DISPLAY, "text", Settings::framesDisplay)).isFalse();
        assertThat(with(Settings.PROGRESS, "Terminal", Settings::terminalProgressForced)).isTrue();
    }

    @Test
    void aValueSaysWhereItCameFrom() {
        Settings.Value v = with(Settings.BLAS, " native ", Settings::blas);
        assertThat(v.keyword()).isEqualTo("native");
        assertThat(v.source()).isEqualTo("-Dscratchnet.blas=native");
        assertThat(with(Settings.BLAS, "  ", () -> Settings.lookup(Settings.BLAS, null))).isNull();
    }

    @Test
    void theNativeLibraryIsThePathThenTheNameThenLibblas() {
        assertThat(with(Settings.NETLIB_LIBRARY_PATH, null,
                () -> with(Settings.NETLIB_LIBRARY, null, Settings::nativeLibrary))).isEqualTo("libblas.so.3");
        assertThat(with(Settings.NETLIB_LIBRARY_PATH, null,
                () -> with(Settings.NETLIB_LIBRARY, "libopenblas.so.0", Settings::nativeLibrary))).isEqualTo("libopenblas.so.0");
        assertThat(with(Settings.NETLIB_LIBRARY_PATH, "/opt/lib/libx.so",
                () -> with(Settings.NETLIB_LIBRARY, "libopenblas.so.0", Settings::nativeLibrary))).isEqualTo("/opt/lib/libx.so");
    }
}
