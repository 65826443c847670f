package scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import scratchnet.engine.GlobalRandom;
import scratchnet.engine.Matrix;
import scratchnet.engine.Rng;

/** Train/test splits: sizes, disjointness, pairing, repeatability, errors. */
class SplitTest {

    /** x: row 0 is the sample number, row 1 its negative; y: ten times the sample number. */
    private static Matrix x(int m) {
        Matrix i = Matrix.arange(0, m, 1);
        return Matrix.of(new double[][] {i.flatten(), i.neg().flatten()});
    }

    private static Matrix y(int m) {
        return Matrix.arange(0, m, 1).mul(10);
    }

    @Test
    void sizes() {
        GlobalRandom.seed(0);
        TrainTest p = Split.split(x(10), y(10), 0.3);
        assertThat(p.testSamples()).isEqualTo(3);
        assertThat(p.trainSamples()).isEqualTo(7);
        assertThat(p.xTrain().shape()).containsExactly(2, 7);
        assertThat(p.yTest().shape()).containsExactly(1, 3);
        assertThat(Split.split(x(1000), y(1000), 0.2).testSamples()).isEqualTo(200);
        assertThat(Split.split(x(10), y(10), 0.7).testSamples()).isEqualTo(7);   // 0.7·10 = 7.000000000000001
        assertThat(Split.split(x(10), y(10), 0.25).testSamples()).isEqualTo(3);  // ceil(2.5)
        assertThat(p.toString()).isEqualTo("TrainTest(train x (2×7) y (1×7), test x (2×3) y (1×3))");
    }

    @Test
    void partsAreDisjointCoverEverythingAndStayPaired() {
        GlobalRandom.seed(7);
        int m = 101;
        TrainTest p = Split.split(x(m), y(m), 0.2);
        Set<Double> seen = new HashSet<>();
        for (Matrix[] part : new Matrix[][] {{p.xTrain(), p.yTrain()}, {p.xTest(), p.yTest()}}) {
            for (int j = 0; j < part[0].cols(); j++) {
                double id = part[0].get(0, j);
                assertThat(seen.add(id)).as("sample %s appears once", id).isTrue();
                assertThat(part[0].get(1, j)).isEqualTo(-id);
                assertThat(part[1].get(0, j)).isEqualTo(10 * id);
            }
        }
        assertThat(seen).hasSize(m);
    }

    @Test
    void shufflesWithOnePermutationOfTheGlobalRng() {
        int m = 20;
        int[] perm = new Rng(3).permutation(m);
        GlobalRandom.seed(3);
        TrainTest p = Split.split(x(m), y(m), 0.25);
        double[] expectedTest = Arrays.stream(perm, 0, 5).asDoubleStream().toArray();
        double[] expectedTrain = Arrays.stream(perm, 5, m).asDoubleStream().toArray();
        assertThat(p.xTest().row(0).flatten()).containsExactly(expectedTest);
        assertThat(p.xTrain().row(0).flatten()).containsExactly(expectedTrain);
        // and nothing more: the next draw is the permutation's successor
        Rng after = new Rng(3);
        after.permutation(m);
        assertThat(GlobalRandom.get().nextDouble()).isEqualTo(after.nextDouble());
    }

    @Test
    void repeatableAfterSeed() {
        Dataset d = Datasets.sine();
        GlobalRandom.seed(11);
        TrainTest a = d.split(0.3);
        GlobalRandom.seed(11);
        TrainTest b = Split.split(d.x(), d.y(), 0.3);
        assertThat(b).isEqualTo(a);
        GlobalRandom.seed(12);
        assertThat(Split.split(d.x(), d.y(), 0.3)).isNotEqualTo(a);
        assertThat(a.train().samples() + a.test().samples()).isEqualTo(100);
    }

    @Test
    void errorsSayWhatWasExpected() {
        for (double f : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Split.split(x(10), y(10), f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected a test fraction strictly between 0 and 1")
                    .hasMessageContaining("got " + f);
        }
        assertThatThrownBy(() -> Split.split(x(10), y(9), 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same number of samples").hasMessageContaining("(2×10) with 10")
                .hasMessageContaining("(1×9) with 9");
        assertThatThrownBy(() -> Split.split(x(10), y(10).T(), 0.2)).hasMessageContaining("did you mean y.T()?");
        assertThatThrownBy(() -> Split.split(x(1), y(1), 0.5))
                .hasMessageContaining("leaves at least one sample in each part")
                .hasMessageContaining("gives 1 test and 0 training samples");
        assertThatThrownBy(() -> Split.split(x(10), y(10), 0.99)).hasMessageContaining("gives 10 test and 0 training");
    }
}
