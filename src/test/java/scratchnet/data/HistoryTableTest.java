package scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static scratchnet.Dsl.*;

import org.junit.jupiter.api.Test;

import scratchnet.nn.History;
import tech.tablesaw.api.Table;

/** {@link Tables#table(History)} after short fits, full-batch and mini-batch. */
class HistoryTableTest {

    @Test
    void fullBatchFitGivesIterationAndLoss() {
        seed(0);
        Dataset d = Datasets.sine();
        History h = net(1, 25, 1).sigmoid().linear().init(uniform())
                .fit(d.x(), d.y(), lr(0.3), iters(500), quiet());
        Table t = table(h);
        assertThat(t.name()).isEqualTo("history");
        assertThat(t.columnNames()).containsExactly("iteration", "loss");
        assertThat(t.rowCount()).isEqualTo(h.size()).isEqualTo(5);
        assertThat(t.intColumn("iteration").asList()).containsExactly(0, 100, 200, 300, 400);
        assertThat(t.doubleColumn("loss").asDoubleArray()).containsExactly(h.losses());
        // the document's first loss
        assertThat(t.doubleColumn("loss").get(0)).isCloseTo(260.1812466719064, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void miniBatchFitGivesEpochAndLoss() {
        seed(0);
        Dataset d = Datasets.circle(64);
        History h = net(2, 4, 1).relu().sigmoid().fit(d.x(), d.y(), lr(0.1), batch(16), epochs(3), quiet());
        Table t = table(h);
        assertThat(t.columnNames()).containsExactly("epoch", "loss");
        assertThat(t.intColumn("epoch").asList()).containsExactly(1, 2, 3);
        assertThat(t.doubleColumn("loss").asDoubleArray()).containsExactly(h.losses());
    }
}
