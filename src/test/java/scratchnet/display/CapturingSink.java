package scratchnet.display;

import java.util.ArrayList;
import java.util.List;

/** A sink for tests: keeps every output it is sent. */
final class CapturingSink implements DisplaySink {
    record Sent(String type, MimeBundle bundle, String id) {
    }

    final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized void send(String type, MimeBundle b, String displayId) {
        sent.add(new Sent(type, b, displayId));
    }

    synchronized long count(String type) {
        return sent.stream().filter(s -> s.type().equals(type)).count();
    }

    synchronized List<Sent> ofType(String type) {
        return sent.stream().filter(s -> s.type().equals(type)).toList();
    }
}
