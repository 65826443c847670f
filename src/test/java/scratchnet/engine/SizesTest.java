package scratchnet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import scratchnet.Dsl;
import scratchnet.nn.Network;

/** Sizes past what one Java array or the heap can hold are clear errors, never an int overflow. */
class SizesTest {

    @Test
    void aShapeWhoseValueCountOverflowsIntIsRefusedWithTheCount() {
        // 65536·65536 = 2³² wraps to 0 in int arithmetic: once a "65536×65536" matrix with no values
        assertThatThrownBy(() -> Matrix.zeros(65536, 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zeros")
                .hasMessageContaining("65536×65536")
                .hasMessageContaining("4,294,967,296 values")
                .hasMessageContaining("2,147,483,639");
        // 65536·65537 wraps to 65536: once a matrix whose sum was 65536
        assertThatThrownBy(() -> Matrix.ones(65536, 65537)).hasMessageContaining("65536×65537");
        // 50000·50000 wraps negative: once a NegativeArraySizeException
        assertThatThrownBy(() -> Matrix.zeros(50000, 50000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2,500,000,000 values");
        assertThatThrownBy(() -> Dsl.randn(100000, 100000)).hasMessageContaining("randn");
        assertThatThrownBy(() -> Matrix.wrap(65536, 65536, new double[0])).hasMessageContaining("wrap");
    }

    @Test
    void aShapeThatFitsAnArrayButNotTheHeapNamesBothSizes() {
        long heap = Runtime.getRuntime().maxMemory();
        // a square matrix just over the heap, within the array limit
        long side = (long) Math.ceil(Math.sqrt(heap / 8.0)) + 16;
        if (side * side > Sizes.MAX_VALUES) {
            return;   // a heap this large: the array limit comes first (tested above)
        }
        assertThatThrownBy(() -> Matrix.zeros((int) side, (int) side))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of memory, more than this JVM may use")
                .hasMessageContaining("-Xmx");
    }

    @Test
    void productsAndBroadcastsCheckTheirResultShape() {
        Matrix tall = Matrix.zeros(70000, 1);
        Matrix wide = Matrix.zeros(1, 70000);
        assertThatThrownBy(() -> tall.dot(wide)).hasMessageContaining("dot").hasMessageContaining("70000×70000");
        assertThatThrownBy(() -> tall.add(wide)).hasMessageContaining("70000×70000");
        assertThatThrownBy(() -> Matrix.arange(0, 1e12, 1)).hasMessageContaining("arange");
    }

    @Test
    void aNetworkTooLargeToHoldIsRefusedBeforeItCountsWrongly() {
        // once: "65,536 parameters" for a network whose first weight matrix alone has 2³² values
        assertThatThrownBy(() -> new Network(65536, 65536, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w1")
                .hasMessageContaining("65536×65536");
        assertThat(new Network(784, 128, 10).parameterCount()).isEqualTo(784 * 128 + 128 + 128 * 10 + 10);
    }

    @Test
    void ordinaryShapesAreTheirProduct() {
        assertThat(Sizes.values("zeros", 3, 4)).isEqualTo(12);
        assertThat(Sizes.values("zeros", 0, 4)).isZero();
        assertThatThrownBy(() -> Sizes.values("zeros", -1, 4)).hasMessageContaining("(-1×4)");
    }
}
