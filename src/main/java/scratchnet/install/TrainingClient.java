package scratchnet.install;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter client for the kernel's training run: signed requests on shell or control,
 * each waiting for its reply (the kernel's output on iopub is left unread).
 * <pre>{@code
 * try (TrainingClient client = new TrainingClient(ports, key, 120_000)) {
 *     client.request(client.shell, "kernel_info_request", Map.of());
 * }
 * }</pre>
 */
final class TrainingClient implements AutoCloseable {
    private final ZContext context = new ZContext();
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final Mac mac;
    private final String session = UUID.randomUUID().toString();
    private final ObjectMapper json = new ObjectMapper();

    private final long timeoutMs;

    /** Connects to the kernel on {@code ports} (shell, iopub, stdin, control, heartbeat), signing with {@code key}. */
    TrainingClient(int[] ports, String key, long timeoutMs) throws Exception {
        this.timeoutMs = timeoutMs;
        String host = "tcp://" + InetAddress.getLoopbackAddress().getHostAddress() + ":";
        shell = socket(SocketType.DEALER, host + ports[0]);
        control = socket(SocketType.DEALER, host + ports[3]);
        iopub = socket(SocketType.SUB, host + ports[1]);
        iopub.subscribe(new byte[0]);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    private ZMQ.Socket socket(SocketType type, String address) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(0);
        s.setReceiveTimeOut((int) timeoutMs);
        s.connect(address);
        return s;
    }

    /** Sends a request and waits for its reply (the kernel's output on iopub is left unread). */
    JsonNode request(ZMQ.Socket socket, String type, Map<String, Object> content) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        header.put("msg_id", id);
        header.put("session", session);
        header.put("username", "scratchnet");
        header.put("date", Instant.now().toString());
        header.put("msg_type", type);
        header.put("version", "5.3");
        byte[][] parts = {json.writeValueAsBytes(header), "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(content)};
        socket.sendMore("<IDS|MSG>");
        socket.sendMore(sign(parts));
        for (int i = 0; i < parts.length; i++) {
            if (i < parts.length - 1) {
                socket.sendMore(parts[i]);
            } else {
                socket.send(parts[i]);
            }
        }
        while (true) {
            List<byte[]> frames = new ArrayList<>();
            do {
                byte[] frame = socket.recv();
                if (frame == null) {
                    throw new IOException("no reply to " + type + " within " + timeoutMs + " ms");
                }
                frames.add(frame);
            } while (socket.hasReceiveMore());
            int delimiter = 0;
            while (delimiter < frames.size()
                    && !"<IDS|MSG>".equals(new String(frames.get(delimiter), StandardCharsets.UTF_8))) {
                delimiter++;
            }
            if (delimiter + 5 >= frames.size()) {
                continue;
            }
            JsonNode parent = json.readTree(frames.get(delimiter + 3));
            if (id.equals(parent.path("msg_id").asText())) {
                return json.readTree(frames.get(delimiter + 5));
            }
        }
    }

    private String sign(byte[][] parts) {
        for (byte[] part : parts) {
            mac.update(part);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Override
    public void close() {
        iopub.close();
        shell.close();
        control.close();
        context.close();
    }
}
