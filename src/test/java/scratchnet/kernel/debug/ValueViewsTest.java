package scratchnet.kernel.debug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueViewsTest {
    @Test
    void aShortRowShowsEveryValue() {
        assertEquals("[0.5, -1.2, 3]  (3 values)", ValueViews.rowText(new double[] {0.5, -1.2, 3}, new double[0], 3));
        assertEquals("[1]  (1 value)", ValueViews.rowText(new double[] {1}, new double[0], 1));
        assertEquals("[]  (0 values)", ValueViews.rowText(new double[0], new double[0], 0));
    }

    @Test
    void aLongRowLeavesItsMiddleOut() {
        assertEquals("[0, 1, …, 98, 99]  (100 values)",
                ValueViews.rowText(new double[] {0, 1}, new double[] {98, 99}, 100));
        assertEquals("[NaN, 0.3333, …, Infinity]  (50 values)",
                ValueViews.rowText(new double[] {Double.NaN, 1.0 / 3}, new double[] {Double.POSITIVE_INFINITY}, 50));
    }

    @Test
    void pagesAreClampedToTheChildren() {
        assertArrayEquals(new int[] {20, 23}, ValueViews.page(25, 20, 3));
        assertArrayEquals(new int[] {20, 25}, ValueViews.page(25, 20, 10));
        // no count: the first page from start
        assertArrayEquals(new int[] {0, ValueViews.PAGE}, ValueViews.page(250, 0, 0));
        assertArrayEquals(new int[] {25, 25}, ValueViews.page(25, 40, 5));
    }

    @Test
    void childrenAreNamedByTheExpressionThatEvaluatesThem() {
        assertEquals("dz[3]", ValueViews.path(null, "dz", "[3]"));
        assertEquals("dz[3][7]", ValueViews.path(null, "dz[3]", "[7]"));
        assertEquals("model.layers[1]", ValueViews.path(new ValueViews.Layers(null), "model", "layer 2"));
        assertEquals("model.layers[1].w", ValueViews.path(new ValueViews.Layer(null, 2), "model.layers[1]", "w2"));
        assertEquals("model.layers[1].activation",
                ValueViews.path(new ValueViews.Layer(null, 2), "model.layers[1]", "activation"));
        assertEquals("h.losses", ValueViews.path(null, "h", "losses"));
        assertEquals("dz", ValueViews.path(null, "dz", "(fields)"));
        assertEquals(null, ValueViews.path(null, "big", "…"));
        assertEquals(null, ValueViews.path(null, null, "[0]"));
    }
}
