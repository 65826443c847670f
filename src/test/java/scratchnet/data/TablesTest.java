package scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

import scratchnet.engine.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tablesaw ↔ Matrix: features, labels, one-hot, and their errors. */
class TablesTest {

    private static Table small() {
        return Table.create("small",
                DoubleColumn.create("a", 1.0, 2.0, 3.0),
                IntColumn.create("b", 10, 20, 30),
                StringColumn.create("kind", "cat", "ant", "cat"));
    }

    @Test
    void featuresAreFeaturesBySamples() {
        Matrix x = Tables.features(small(), "b", "a");
        assertThat(x).isEqualTo(Matrix.of(new double[][] {{10, 20, 30}, {1, 2, 3}}));
        // no names: every numeric column, in table order
        assertThat(Tables.features(small())).isEqualTo(Matrix.of(new double[][] {{1, 2, 3}, {10, 20, 30}}));
        assertThat(Tables.features(Datasets.iris()).shape()).containsExactly(4, 150);
    }

    @Test
    void tableAndFeaturesRoundTrip() {
        Matrix m = Matrix.of(new double[][] {{1.5, -2, 3}, {0.25, 5, 6e-9}});
        Table t = Tables.table(m, "p", "q");
        assertThat(t.columnNames()).containsExactly("p", "q");
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.doubleColumn("q").get(2)).isEqualTo(6e-9);
        assertThat(Tables.features(t, "p", "q")).isEqualTo(m);
        assertThat(Tables.table(m).columnNames()).containsExactly("x0", "x1");

        Table iris = Datasets.iris();
        Matrix x = Tables.features(iris, "sepal_length", "petal_width");
        assertThat(Tables.features(Tables.table(x, "s", "p"))).isEqualTo(x);
    }

    @Test
    void missingColumnErrorNamesItAndListsTheColumns() {
        assertThatThrownBy(() -> Tables.features(small(), "a", "petal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'petal'")
                .hasMessageContaining("a (DOUBLE), b (INTEGER), kind (STRING)");
        assertThatThrownBy(() -> Tables.labels(small(), "nope"))
                .hasMessageContaining("labels: expected a column of the table, got 'nope'")
                .hasMessageContaining("kind (STRING)");
    }

    @Test
    void nonNumericFeatureColumnIsRejected() {
        assertThatThrownBy(() -> Tables.features(Datasets.iris(), "sepal_length", "species"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a numeric column, but 'species' holds STRING")
                .hasMessageContaining("sepal_length (DOUBLE)")
                .hasMessageContaining("labels(table, \"species\")");
    }

    @Test
    void missingValuesAreRejected() {
        DoubleColumn a = DoubleColumn.create("a", 1.0, 2.0);
        a.setMissing(1);
        Table t = Table.create("gaps", a);
        assertThatThrownBy(() -> Tables.features(t, "a")).hasMessageContaining("'a' is missing one in row 1");
        assertThatThrownBy(() -> Tables.labels(t, "a")).hasMessageContaining("'a' is missing one in row 1");
    }

    @Test
    void labelsAreNumberedInSortedOrder() {
        Labels l = Tables.labels(small(), "kind");
        assertThat(l.names()).containsExactly("ant", "cat");
        assertThat(l.indices()).isEqualTo(Matrix.rowVector(1, 0, 1));
        assertThat(l.classes()).isEqualTo(2);
        assertThat(l.samples()).isEqualTo(3);
        assertThat(l.name(0)).isEqualTo("ant");
        assertThat(l.toString()).isEqualTo("Labels(3 samples, 2 classes [ant, cat])");

        Labels numeric = Tables.labels(Table.create("n", IntColumn.create("c", 7, 2, 7, 10)), "c");
        assertThat(numeric.names()).containsExactly("2", "7", "10");
        assertThat(numeric.indices()).isEqualTo(Matrix.rowVector(1, 0, 1, 2));
    }

    @Test
    void irisLabelsDoNotDependOnRowOrder() {
        Table iris = Datasets.iris();
        Labels l = Tables.labels(iris, "species");
        assertThat(l.names()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(l.indices().get(0, 0)).isEqualTo(0);
        assertThat(l.indices().get(0, 75)).isEqualTo(1);
        assertThat(l.indices().get(0, 149)).isEqualTo(2);
        Table reversed = iris.sortDescendingOn("species");
        Labels r = Tables.labels(reversed, "species");
        assertThat(r.names()).isEqualTo(l.names());
        assertThat(r.indices().get(0, 0)).isEqualTo(2);
    }

    @Test
    void oneHotRoundTrips() {
        Matrix idx = Matrix.rowVector(2, 0, 1, 2);
        Matrix oh = Tables.oneHot(idx, 3);
        assertThat(oh).isEqualTo(Matrix.of(new double[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 1}}));
        assertThat(oh.argmax(0)).isEqualTo(idx);
        assertThat(oh.sum(0)).isEqualTo(Matrix.ones(1, 4));

        Labels iris = Tables.labels(Datasets.iris(), "species");
        assertThat(iris.oneHot().shape()).containsExactly(3, 150);
        assertThat(iris.oneHot().argmax(0)).isEqualTo(iris.indices());
    }

    @Test
    void oneHotErrorsSayWhatWasExpected() {
        assertThatThrownBy(() -> Tables.oneHot(Matrix.rowVector(0, 3), 3))
                .hasMessage("oneHot: label 3 of sample 1 is not a class of k = 3 (expected whole numbers 0…2)");
        assertThatThrownBy(() -> Tables.oneHot(Matrix.rowVector(0, 0.5), 3)).hasMessageContaining("label 0.5 of sample 1 is not a class of k = 3");
        assertThatThrownBy(() -> Tables.oneHot(Matrix.rowVector(-1), 3)).hasMessageContaining("label -1 of sample 0");
        assertThatThrownBy(() -> Tables.oneHot(Matrix.columnVector(0, 1, 2), 3))
                .hasMessageContaining("expected a (1×m) row of class labels, got (3×1)").hasMessageContaining("labels.T()");
        assertThatThrownBy(() -> Tables.oneHot(Matrix.rowVector(0), 0))
                .hasMessageContaining("expected at least 1 class, got k = 0");
        assertThatThrownBy(() -> new Labels(Matrix.rowVector(0, 2), List.of("a", "b")))
                .hasMessage("Labels: label 2 of sample 1 is not a class of k = 2 (expected whole numbers 0…1)");
    }

    @Test
    void tableErrorsSayWhatWasExpected() {
        Matrix m = Matrix.zeros(2, 3);
        assertThatThrownBy(() -> Tables.table(m, "a"))
                .hasMessageContaining("expected 2 column names, one per row (feature) of the (2×3) matrix, got 1 [a]");
        assertThatThrownBy(() -> Tables.table(m, "a", "b", "c")).hasMessageContaining("table(m.T(), …)");
        assertThatThrownBy(() -> Tables.table(m, "a", "a")).hasMessageContaining("distinct");
    }
}
