package scratchnet.display;

import java.io.PrintStream;

/** Writes each output as one frame line on System.out, in one print call so threads cannot interleave it. */
final class FrameSink implements DisplaySink {
    @Override
    public void send(String type, MimeBundle b, String displayId) {
        String frame = Frames.encode(type, b, displayId);
        // a frame is for the kernel even from a thread whose output an Output widget captures
        Capture.bypass(() -> {
            PrintStream out = System.out;
            out.print(frame);
            out.flush();
        });
    }

    @Override
    public boolean carriesComms() {
        return true;
    }
}
