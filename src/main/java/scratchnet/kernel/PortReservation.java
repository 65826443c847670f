package scratchnet.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Holds the five ports of the connection file while the kernel starts. Jupyter picks them by
 * asking the system for free ports and letting them go again, and the kernel launches its cell
 * JVM (whose sockets take ports from the same free range) before it binds Jupyter's: without a
 * hold, one of those sockets can take a port Jupyter chose, and the kernel then fails with
 * "Address already in use". Released just before the kernel binds them.
 * <pre>{@code
 * PortReservation hold = PortReservation.hold(props);
 * ScratchnetKernel kernel = new ScratchnetKernel(...);   // starts the cell JVM
 * hold.release();
 * connection.connect();                                   // binds Jupyter's ports
 * }</pre>
 */
final class PortReservation {
    private final List<ServerSocket> held;

    private PortReservation(List<ServerSocket> held) {
        this.held = held;
    }

    /** Binds each of the connection file's ports that is free now; ports already taken are left alone. */
    static PortReservation hold(KernelConnectionProperties props) {
        List<ServerSocket> held = new ArrayList<>();
        int[] ports = {props.getShellPort(), props.getIopubPort(), props.getStdinPort(), props.getControlPort(),
            props.getHbPort()};
        for (int port : ports) {
            if (port <= 0) {
                continue;
            }
            try {
                ServerSocket s = new ServerSocket();
                // the same address rules as the kernel's own bind a moment later
                s.setReuseAddress(true);
                try {
                    s.bind(new InetSocketAddress(address(props.getIp()), port));
                    held.add(s);
                } catch (IOException e) {
                    s.close();
                }
            } catch (IOException e) {
                // no hold for this port: the kernel's bind will say what is wrong with it
            }
        }
        return new PortReservation(held);
    }

    /** The ports held, for tests and logs. */
    List<Integer> ports() {
        return held.stream().map(ServerSocket::getLocalPort).toList();
    }

    /** Lets every held port go. */
    void release() {
        for (ServerSocket s : held) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a listening socket that never accepted: nothing to do
            }
        }
        held.clear();
    }

    private static InetAddress address(String ip) throws IOException {
        return ip == null || ip.isBlank() || ip.equals("*") || ip.equals("0.0.0.0")
                ? new InetSocketAddress(0).getAddress() : InetAddress.getByName(ip);
    }
}
