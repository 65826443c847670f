package scratchnet.data;

import java.util.List;
import java.util.Objects;

import scratchnet.engine.Matrix;
import scratchnet.engine.ShapeException;

/**
 * Class labels as scratchnet trains on them: a (1×m) row of class indices 0…k−1, and the name of
 * each class ({@code names().get(i)} is class i). Made by {@link Tables#labels}.
 * <pre>{@code
 * Labels species = Tables.labels(Datasets.iris(), "species");
 * species.indices();           // (1×150): 0 … 0, 1 … 1, 2 … 2
 * species.names();             // [setosa, versicolor, virginica]
 * species.oneHot();            // (3×150)
 * species.name(2);             // "virginica"
 * }</pre>
 *
 * @param indices a (1×m) row of class indices, whole numbers in 0…names.size()−1
 * @param names the class names, one per class, in index order
 */
public record Labels(Matrix indices, List<String> names) {

    /** Checks the shape and range of the indices; keeps an unmodifiable copy of the names. */
    public Labels {
        Objects.requireNonNull(indices, "Labels: expected a (1×m) row of class indices, got null");
        Objects.requireNonNull(names, "Labels: expected a list of class names, got null");
        names = List.copyOf(names);
        if (indices.rows() != 1) {
            throw new ShapeException("Labels: expected a (1×m) row of class indices, got "
                    + ShapeException.shape(indices.rows(), indices.cols())
                    + (indices.cols() == 1 ? "; did you mean indices.T()?" : ""));
        }
        Tables.checkClassIndices("Labels", indices, names.size());
    }

    /** The number of classes k. */
    public int classes() {
        return names.size();
    }

    /** The number of samples m. */
    public int samples() {
        return indices.cols();
    }

    /** The name of class i. */
    public String name(int classIndex) {
        if (classIndex < 0 || classIndex >= names.size()) {
            throw new IndexOutOfBoundsException("Labels.name: expected a class index in 0…" + (names.size() - 1)
                    + ", got " + classIndex);
        }
        return names.get(classIndex);
    }

    /** The labels as (k×m) one-hot columns, {@link Tables#oneHot(Matrix, int)}. */
    public Matrix oneHot() {
        return Tables.oneHot(indices, names.size());
    }

    /** {@code Labels(150 samples, 3 classes [setosa, versicolor, virginica])}. */
    @Override
    public String toString() {
        return "Labels(" + indices.cols() + " samples, " + names.size() + " classes " + names + ")";
    }
}
