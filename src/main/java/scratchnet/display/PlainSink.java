package scratchnet.display;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints the text of displays and results on System.out; an update prints its text only when it
 * differs from what that display last printed, and a clear prints nothing (printed text stays).
 * Remembers the last text of up to 256 displays.
 */
final class PlainSink implements DisplaySink {
    private static final int REMEMBERED = 256;

    private final Map<String, String> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Override
    public synchronized void send(String type, MimeBundle b, String displayId) {
        if (Frames.CLEAR.equals(type)) {
            return;
        }
        String text = b.text();
        if (Frames.UPDATE.equals(type)) {
            if (displayId != null && text.equals(last.get(displayId))) {
                return;
            }
        }
        if (displayId != null) {
            last.put(displayId, text);
        }
        System.out.println(text);
        System.out.flush();
    }
}
