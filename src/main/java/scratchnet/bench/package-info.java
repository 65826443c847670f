/**
 * Benchmark commands: {@code bench} times the seed workloads, matrix products and the MLP epoch
 * beside numpy; {@code kernel-bench} times the Jupyter kernel (start, first cell, round trip,
 * shutdown, notebooks) beside python3's. They are tools on top of everything else: nothing
 * outside this package depends on it.
 * <pre>{@code
 * java -jar target/scratchnet.jar bench --only dot,mlp
 * java -jar target/scratchnet.jar kernel-bench --runs 3
 * }</pre>
 */
package scratchnet.bench;
