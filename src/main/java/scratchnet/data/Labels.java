package scratchnet.data;

import java.util.List;
import java.util.Objects;

import scratchnet.engine.Matrix;
import scratchnet.engine.OneHot;

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
        Objects.requireNonNull(names, "Labels: expected a list of class names, got null");
        names = List.copyOf(names);
        // a (1×m) row of whole numbers 0…k−1, k = the number of names
        OneHot.checkLabels("Labels", indices, names.size());
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

    /** The labels as (k×m) one-hot columns, {@link OneHot#encode(Matrix, int)}. */
    public Matrix oneHot() {
        return OneHot.encode(indices, names.size());
    }

    /** {@code Labels(150 samples, 3 classes [setosa, versicolor, virginica])}. */
    @Override
    public String toString() {
        return "Labels(" + indices.cols() + " samples, " + names.size() + " classes " + names + ")";
    }
}
