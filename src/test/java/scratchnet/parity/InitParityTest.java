package scratchnet.parity;

import static scratchnet.Dsl.*;
import static scratchnet.parity.Close.assertExactlyEqual;

import org.junit.jupiter.api.Test;

import scratchnet.nn.Network;

/**
 * {@code seed(0)} then the document's initialiser gives exactly the golden numpy runs' initial
 * parameters (compared with ==).
 */
class InitParityTest {

    @Test
    void seed000UniformInitEqualsGolden() {
        Golden g = Golden.load("seed000_sine_rng0.json");
        seed(0);
        Network model = net(1, 25, 1).sigmoid().linear().init(uniform());
        for (String p : new String[] {"w1", "b1", "w2", "b2"}) {
            assertExactlyEqual("seed000 init " + p, g.param("init", p), model.param(p));
        }
    }

    @Test
    void seed003NormalInitAfterTheDataEqualsGolden() {
        Golden g = Golden.load("seed003_deepnet_rng0.json");
        seed(0);
        randn(2, 400);   // the data X comes first, as in the document
        Network model = net(2, 3, 4, 5, 1).relu().relu().relu().sigmoid().init(normal());
        for (int l = 1; l <= 4; l++) {
            assertExactlyEqual("seed003 init W" + l, g.param("init", "W" + l), model.param("W" + l));
            assertExactlyEqual("seed003 init b" + l, g.param("init", "b" + l), model.param("b" + l));
        }
    }
}
