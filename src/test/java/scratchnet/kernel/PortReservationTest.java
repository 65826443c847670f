package scratchnet.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.junit.jupiter.api.Test;

/** While the kernel starts, the connection file's ports stay out of reach of other sockets. */
class PortReservationTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void bind(int port) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
    }

    @Test
    void heldPortsCannotBeTakenUntilReleased() throws IOException {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < 5) {
            int p = freePort();
            if (!ports.contains(p)) {
                ports.add(p);
            }
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse("{\"ip\": \"127.0.0.1\", \"transport\": \"tcp\","
                + " \"shell_port\": " + ports.get(0) + ", \"iopub_port\": " + ports.get(1) + ", \"stdin_port\": "
                + ports.get(2) + ", \"control_port\": " + ports.get(3) + ", \"hb_port\": " + ports.get(4) + ","
                + " \"signature_scheme\": \"hmac-sha256\", \"key\": \"k\"}");

        PortReservation hold = PortReservation.hold(props);
        try {
            assertThat(hold.ports()).containsExactlyInAnyOrderElementsOf(ports);
            for (int p : ports) {
                assertThatThrownBy(() -> bind(p)).as("port %d while held", p).isInstanceOf(IOException.class);
            }
        } finally {
            hold.release();
        }
        for (int p : ports) {
            bind(p);   // free again: the kernel's own bind succeeds
        }
        assertThat(hold.ports()).isEmpty();
    }
}
