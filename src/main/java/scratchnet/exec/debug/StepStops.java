package scratchnet.exec.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.MethodEntryRequest;
import com.sun.jdi.request.StepRequest;

/**
 * The event requests that make one step (Next, Step In, Step Out) of a stopped thread, made of
 * one-shot breakpoints rather than a JDI {@link StepRequest}. A JDI step makes the JVM's debug
 * agent ask for a frame-pop notification on the frame it starts from and the one it ends in;
 * before JDK 25 that request cannot be withdrawn, and HotSpot runs the thread in its interpreter
 * until those frames return — for a cell, whose top-level code is one frame, the whole rest of
 * the cell (JDK-8229012; docs/performance.md, "Debugger"). Breakpoints leave nothing behind
 * once deleted:
 * <ul>
 * <li>Next: a breakpoint on every other line of the method, hit at the same stack depth, and one
 * where the nearest caller that is not the JDK's (or the kernel's) goes on after the call;</li>
 * <li>Step In: those, and a method-entry request for the thread outside those classes;</li>
 * <li>Step Out: the caller's breakpoint only.</li>
 * </ul>
 * Each request carries the property {@code kind}: {@link #LINE} (stop at the starting depth),
 * {@link #RETURN} (stop at the depth in {@code frames}) or {@link #ENTRY} (stop in any method
 * with lines).
 * <pre>{@code
 * List<EventRequest> stops = StepStops.create(vm, thread, StepRequest.STEP_OVER, sameLine, "step", excluded);
 * // the first of them the thread meets stops it; then delete them all
 * }</pre>
 */
final class StepStops {
    /** The property naming what a request is for. */
    static final String KIND = "scratchnet.step.kind";
    /** The property holding the stack depth a {@link #RETURN} stop is for. */
    static final String FRAMES = "scratchnet.step.frames";
    /** Another line of the method the step began in. */
    static final String LINE = "line";
    /** The caller, after the call returned. */
    static final String RETURN = "return";
    /** Any method entered (Step In). */
    static final String ENTRY = "entry";

    private static final int INVOKEINTERFACE = 0xb9;
    private static final int INVOKEDYNAMIC = 0xba;

    private StepStops() {
    }

    /**
     * The enabled requests for a step of {@code depth} ({@link StepRequest#STEP_OVER},
     * {@code STEP_INTO} or {@code STEP_OUT}) of the stopped thread {@code t}: lines (and callers)
     * for which {@code sameLine} holds are not stops; {@code mine} and {@code value} are put on each as a
     * property; frames of classes {@code excluded} accepts are not stopped in.
     */
    static List<EventRequest> create(VirtualMachine vm, ThreadReference t, int depth, Predicate<Location> sameLine,
                                     String mine, String value, Predicate<String> excluded,
                                     List<String> exclusionPatterns) throws IncompatibleThreadStateException {
        EventRequestManager erm = vm.eventRequestManager();
        List<EventRequest> out = new ArrayList<>();
        List<StackFrame> frames = t.frames();
        Location here = frames.get(0).location();
        if (depth != StepRequest.STEP_OUT) {
            try {
                for (Location l : here.method().allLineLocations()) {
                    if (!sameLine.test(l)) {
                        out.add(breakpoint(erm, t, l, LINE, frames.size()));
                    }
                }
            } catch (AbsentInformationException e) {
                // no lines: only the caller can stop it
            }
        }
        // the nearest caller that is not the JDK's or the kernel's, nor still on the step's line, just after its call
        for (int i = 1; i < frames.size(); i++) {
            Location call = frames.get(i).location();
            if (excluded.test(call.declaringType().name()) || sameLine.test(call)) {
                continue;
            }
            Location after = after(vm, call);
            if (after != null) {
                out.add(breakpoint(erm, t, after, RETURN, frames.size() - i));
            }
            break;
        }
        if (depth == StepRequest.STEP_INTO) {
            MethodEntryRequest entry = erm.createMethodEntryRequest();
            entry.addThreadFilter(t);
            for (String pattern : exclusionPatterns) {
                entry.addClassExclusionFilter(pattern);
            }
            entry.putProperty(KIND, ENTRY);
            out.add(entry);
        }
        for (EventRequest r : out) {
            r.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
            r.putProperty(mine, value);
            r.enable();
        }
        return out;
    }

    private static BreakpointRequest breakpoint(EventRequestManager erm, ThreadReference t, Location l, String kind, int frames) {
        BreakpointRequest r = erm.createBreakpointRequest(l);
        r.addThreadFilter(t);
        r.putProperty(KIND, kind);
        r.putProperty(FRAMES, frames);
        return r;
    }

    /** The location after the call instruction at {@code call}, or null when it cannot be told. */
    private static Location after(VirtualMachine vm, Location call) {
        if (!vm.canGetBytecodes()) {
            return null;
        }
        Method m = call.method();
        byte[] code = m.bytecodes();
        int at = (int) call.codeIndex();
        if (at < 0 || at >= code.length) {
            return null;
        }
        int op = code[at] & 0xff;
        // invokevirtual, invokespecial and invokestatic take 3 bytes; invokeinterface and invokedynamic 5
        int next = at + (op == INVOKEINTERFACE || op == INVOKEDYNAMIC ? 5 : 3);
        return next < code.length ? m.locationOfCodeIndex(next) : null;
    }

    /** Whether a method has lines to stop at (not native, not abstract, compiled with a line table). */
    static boolean hasLines(Method m) {
        try {
            return !m.isNative() && !m.isAbstract() && !m.allLineLocations().isEmpty();
        } catch (AbsentInformationException e) {
            return false;
        }
    }
}
