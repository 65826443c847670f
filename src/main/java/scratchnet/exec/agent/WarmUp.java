package scratchnet.exec.agent;

import java.util.SplittableRandom;

import scratchnet.Dsl;
import scratchnet.display.Renderers;
import scratchnet.engine.Matrix;
import scratchnet.nn.Initializer;
import scratchnet.nn.Network;
import scratchnet.settings.Settings;

/**
 * Warms up the cell JVM in the background while the kernel is still preparing the session: draws
 * a small chart (the first chart otherwise pays for AWT, fonts and the PNG encoder) and trains a
 * small network (the engine's SIMD loops are slow until the JIT has compiled them). It runs on one
 * low-priority daemon thread, prints nothing, leaves the global random generator and every
 * setting alone, and stops between steps as soon as the first cell runs, so it never competes
 * with the user's code for long.
 * <pre>{@code
 * WarmUp.start();        // CellAgent.main, before serving JShell
 * WarmUp.cellStarted();  // CellAgent.invoke: the first cell is running
 * }</pre>
 */
public final class WarmUp {
    /** The system property that turns the warm-up off ({@code -Dscratchnet.warmup=false}). */
    public static final String PROPERTY = Settings.WARMUP;
    private static volatile boolean stop;

    private WarmUp() {
    }

    /** Starts the warm-up thread, unless {@value #PROPERTY} is {@code false}. */
    public static void start() {
        if (!Settings.warmUp()) {
            return;
        }
        Thread t = new Thread(WarmUp::run, "scratchnet-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Tells the warm-up that user code is running: it stops at its next step. */
    public static void cellStarted() {
        stop = true;
    }

    private static void run() {
        try {
            if (stop) {
                return;
            }
            Matrix x = Dsl.arange(0.0, 1.0, 0.01);
            Matrix y = x.mul(2 * Math.PI).map(Math::sin).mul(20);
            Renderers.render(Dsl.scatter(x, y, "data").title("warm-up"));
            // its own generator, so the global one (seed(), random(), init()) is left as it was
            SplittableRandom random = new SplittableRandom(1);
            Initializer fixed = (w, out, in, rng) -> {
                for (int i = 0; i < w.length; i++) {
                    w[i] = random.nextDouble();
                }
            };
            Network model = Dsl.net(1, 25, 1).sigmoid().linear().init(fixed);
            for (int round = 0; round < 10 && !stop; round++) {
                model.fit(x, y, Dsl.lr(0.3), Dsl.iters(100), Dsl.quiet());
                x.T().dot(x).sigmoid().sub(y.mean()).square().sum(1).div(2).rsub(1).mean();
            }
        } catch (RuntimeException | LinkageError e) {
            // a warm-up that fails only means a slower first cell
        }
    }
}
