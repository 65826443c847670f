package scratchnet.exec;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import scratchnet.display.Frames;

/**
 * Receives the bytes the cell JVM writes to stdout or stderr, live, and passes them to a
 * {@link CellOutput}: plain text as {@code text}, display frames (charts, tables, updates, the
 * cell's result) decoded as {@code frame}. Bytes are decoded as UTF-8 across chunk boundaries.
 * <pre>{@code
 * JShell.builder().out(new PrintStream(new OutputRouter(false, output), true, UTF_8))
 * }</pre>
 */
final class OutputRouter extends OutputStream {
    private final boolean stderr;
    private final CellOutput sink;
    private final FrameSplitter splitter = new FrameSplitter(Frames.START, Frames.END);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    OutputRouter(boolean stderr, CellOutput sink) {
        this.stderr = stderr;
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (bytes.remaining() < len) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(bytes.capacity() * 2, bytes.position() + len));
            bytes.flip();
            bigger.put(bytes);
            bytes = bigger;
        }
        bytes.put(b, off, len);
        route();
    }

    private void route() {
        bytes.flip();
        StringBuilder text = new StringBuilder();
        while (true) {
            chars.clear();
            decoder.decode(bytes, chars, false);
            chars.flip();
            if (chars.length() == 0) {
                break;
            }
            text.append(chars);
        }
        // an incomplete multi-byte character stays for the next write
        bytes.compact();
        if (text.length() == 0) {
            return;
        }
        for (FrameSplitter.Piece p : splitter.feed(text.toString())) {
            if (!p.frame()) {
                sink.text(stderr, p.content());
            } else {
                try {
                    sink.frame(Frames.decode(p.content()));
                } catch (RuntimeException e) {
                    sink.text(true, "[scratchnet: could not read a display frame: " + e.getMessage() + "]\n");
                }
            }
        }
    }
}
