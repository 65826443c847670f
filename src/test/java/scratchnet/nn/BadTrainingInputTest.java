package scratchnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import scratchnet.Dsl;
import scratchnet.engine.Matrix;

/** Data and settings that training cannot use are refused up front, saying what and where. */
class BadTrainingInputTest {

    private static Matrix xs() {
        return Dsl.arange(0, 1, 0.1);
    }

    @Test
    void nanInXIsReportedAsNanInTheDataWithItsPlace() {
        double[] v = xs().flatten();
        v[7] = Double.NaN;
        v[8] = Double.POSITIVE_INFINITY;
        Matrix x = Matrix.rowVector(v);
        Network model = Dsl.net(1, 3, 1).sigmoid().linear();
        Matrix before = model.param("w1");
        assertThatThrownBy(() -> model.fit(x, xs(), Dsl.lr(0.1), Dsl.iters(5), Dsl.quiet()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x holds NaN at row 0, sample 7")
                .hasMessageContaining("2 of its 10 values")
                .hasMessageNotContaining("weights");
        assertThat(model.param("w1")).as("the model is untouched").isEqualTo(before);
    }

    @Test
    void infinityInYIsReportedAsTheTargets() {
        double[] v = xs().flatten();
        v[3] = Double.NEGATIVE_INFINITY;
        Network model = Dsl.net(1, 3, 1).sigmoid().linear();
        assertThatThrownBy(() -> model.fit(xs(), Matrix.rowVector(v), Dsl.lr(0.1), Dsl.batch(4), Dsl.quiet()))
                .hasMessageContaining("y holds -Infinity at row 0, sample 3");
    }

    @Test
    void noSamplesIsAClearErrorInBothModes() {
        Matrix empty = Matrix.zeros(1, 0);
        Network model = Dsl.net(1, 3, 1).sigmoid().linear();
        assertThatThrownBy(() -> model.fit(empty, empty, Dsl.batch(8), Dsl.quiet()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x has no samples (it is 1×0)");
        assertThatThrownBy(() -> model.fit(empty, empty, Dsl.quiet()))
                .hasMessageContaining("no samples");
    }

    @Test
    void updateRefusesANanOrInfiniteRate() {
        Network model = Dsl.net(1, 2, 1).sigmoid().linear();
        Gradients g = model.backward(model.forward(xs()), xs());
        Matrix before = model.param("w1");
        assertThatThrownBy(() -> model.update(g, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("update: expected a finite learning rate, got NaN");
        assertThatThrownBy(() -> model.update(g, Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThat(model.param("w1")).isEqualTo(before);
    }

    @Test
    void binaryCrossEntropyRefusesLabelsOutsideZeroToOne() {
        Matrix x = Matrix.rowVector(0.1, 0.5, 0.9);
        Network model = Dsl.net(1, 1).sigmoid();
        assertThatThrownBy(() -> model.fit(x, Matrix.rowVector(0, 1, 2), Dsl.quiet()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("binary_crossentropy: targets must lie in [0, 1]")
                .hasMessageContaining("sample 2 has 2.0")
                .hasMessageContaining("softmax()");
        // soft labels between 0 and 1 are fine
        assertThat(model.fit(x, Matrix.rowVector(0, 0.5, 1), Dsl.iters(3), Dsl.quiet()).finalLoss()).isFinite();
    }
}
