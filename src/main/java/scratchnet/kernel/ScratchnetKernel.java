package scratchnet.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import scratchnet.display.Frames;
import scratchnet.display.MimeBundle;
import scratchnet.exec.Ansi;
import scratchnet.exec.CellEvaluator;
import scratchnet.exec.CellException;
import scratchnet.exec.CellOutput;
import scratchnet.exec.CompletionIndex;
import scratchnet.exec.KernelIdentity;
import scratchnet.exec.Segment;
import scratchnet.exec.StartTrace;
import scratchnet.exec.Variables;
import scratchnet.exec.magic.Magics;
import scratchnet.kernel.debug.CellFiles;
import scratchnet.kernel.debug.DebugException;
import scratchnet.kernel.debug.KernelDebugger;

/**
 * The scratchnet Jupyter kernel: cells are Java, run by JShell in a separate JVM with the DSL
 * imported; output streams live, charts and tables show inline, and interrupt always stops the
 * cell. Messaging (sockets, signatures, message types) comes from jjava-jupyter.
 * <pre>{@code
 * java -jar scratchnet.jar kernel /path/to/connection.json
 * }</pre>
 */
public final class ScratchnetKernel extends BaseKernel implements CellOutput {
    /** kernel_info's help links (a front end's Help menu): the JShell guide and the Java API, for Java 17. */
    static final List<Map<String, String>> HELP_LINKS = List.of(
            Map.of("text", "JShell user guide", "url", "https://docs.oracle.com/en/java/javase/17/jshell/"),
            Map.of("text", "Java API", "url", "https://docs.oracle.com/en/java/javase/17/docs/api/"));
    private final CellEvaluator evaluator;
    private final CellHistory history = new CellHistory();
    private final Magics magics;
    private final Variables variables;
    private final VariablesRequests variablesRequests;
    /** Comms between the front end and the cell JVM (widgets). */
    private final KernelComms comms;
    /** Set once a front end asked for the variables: from then on they are read after every cell. */
    private volatile boolean variablesWatched;
    private volatile JupyterConnection connection;
    /** The Jupyter debugger (debug_request on control, debug_event on IOPub). */
    private volatile KernelDebugger debugger;
    /** The request whose cell is running (or ran last): output is published as its children. */
    private volatile MessageContext current;
    private volatile int currentCount;
    /** The text/plain of the running cell's result, or null: the output that history keeps. */
    private volatile String resultText;

    /** A kernel whose cells run in a JVM with {@code classPath} (the scratchnet jar) and these JVM options. */
    public ScratchnetKernel(String classPath, List<String> cellJvmOptions) {
        super(KernelIdentity.NAME, Version.get(), languageInfo(), List.of(), new CellHistory.Manager(),
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null, false,
                new StringStyler.Builder().build());
        this.evaluator = new CellEvaluator(this, classPath, cellJvmOptions);
        this.variables = new Variables(evaluator);
        this.variablesRequests = new VariablesRequests(variables);
        // comm messages go out before the first cell too (the widget manager's), so not through publish()
        this.comms = new KernelComms(evaluator, m -> {
            JupyterConnection c = connection;
            if (c != null) {
                c.getIOPub().sendMessage(m);
            }
        });
        this.magics = new Magics(evaluator, this, variables);
        ((CellHistory.Manager) getHistoryManager()).use(history);
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder(KernelIdentity.LANGUAGE)
                .version(KernelIdentity.languageVersion())
                .mimetype(KernelIdentity.MIMETYPE)
                .fileExtension(KernelIdentity.FILE_EXTENSION)
                .pygments(KernelIdentity.PYGMENTS_LEXER)
                .codemirror(KernelIdentity.MIMETYPE)
                .build();
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " with scratchnet " + Version.get()
                + " — import static scratchnet.Dsl.* is already done";
    }

    /** Attaches the kernel to a connection; call before {@code connection.connect()}. */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        this.connection = connection;
        super.becomeHandlerForConnection(connection);
        comms.install(connection);
        debugger = KernelDebugger.install(connection, evaluator.debugger());
        // the variables panel's commands, with or without the debugger started (VariablesRequests)
        debugger.requests().register("inspectVariables", r -> {
            variablesWatched = true;
            return variablesRequests.inspectBody();
        });
        debugger.requests().register("richInspectVariables", r -> {
            variablesWatched = true;
            // in a frame of a stopped thread: read there (the cell is not idle)
            if (r.arguments().get("frameId") instanceof Number && debugger.threads().anyStopped()) {
                return debugger.threads().richInspect(r);
            }
            try {
                return variablesRequests.richBody(r.arguments().get("variableName"));
            } catch (IllegalArgumentException e) {
                throw new DebugException(e.getMessage());
            }
        });
    }

    /** The Jupyter debugger, once the kernel is attached to a connection: more debug commands register with its {@code requests()}. */
    KernelDebugger debugger() {
        return debugger;
    }

    // ------------------------------------------------------------------ replies as the messaging spec writes them

    /** Sends a reply whose content is {@code content} plus {@code "status": "ok"}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyOk(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.putAll(content);
        env.reply(new Message(env.getContext(), (MessageType) type, body));
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        StartTrace.mark("kernel_info_request");
        env.setBusyDeferIdle();
        LanguageInfo li = getLanguageInfo();
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("name", li.getName());
        language.put("version", li.getVersion());
        language.put("mimetype", li.getMimetype());
        language.put("file_extension", li.getFileExtension());
        language.put("pygments_lexer", li.getPygmentsLexer());
        language.put("codemirror_mode", li.getCodemirrorMode());
        language.put("nbconvert_exporter", "script");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("protocol_version", Header.PROTOCOL_VERISON);
        content.put("implementation", getName());
        content.put("implementation_version", getVersion());
        content.put("language_info", language);
        content.put("banner", getBanner());
        content.put("help_links", HELP_LINKS);
        // the Jupyter debugger (debug_request): "debugger" for older front ends, the feature list for newer
        content.put("debugger", true);
        content.put("supported_features", List.of("debugger"));
        replyOk(env, MessageType.KERNEL_INFO_REPLY, content);
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> request) {
        env.setBusyDeferIdle();
        interrupt();
        replyOk(env, MessageType.INTERRUPT_REPLY, new LinkedHashMap<>());
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> request) {
        boolean restart = request.getContent().isRestart();
        env.setBusyDeferIdle();
        // answer first: stopping the cell JVM must not delay Jupyter
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("restart", restart);
        replyOk(env, MessageType.SHUTDOWN_REPLY, content);
        onShutdown(restart);
        env.markForShutdown();
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setBusyDeferIdle();
        HistoryRequest req = request.getContent();
        List<HistoryEntry> entries;
        switch (req.getAccessType()) {
            case RANGE:
                HistoryRequest.Range range = (HistoryRequest.Range) req;
                entries = history.range(range.getStart(), range.getStop());
                break;
            case SEARCH:
                HistoryRequest.Search search = (HistoryRequest.Search) req;
                entries = history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique());
                break;
            case TAIL:
            default:
                entries = history.tail(((HistoryRequest.Tail) req).getMaxReturnLength());
        }
        // [session, line, input] triples as the messaging spec writes them, or with output
        // [session, line, [input, output]] where output is the result's text or null
        List<List<Object>> triples = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Object entry = req.includeOutput() ? Arrays.asList(e.getInput(), e.getOutput()) : e.getInput();
            triples.add(List.of(e.getSession(), e.getCellNumber(), entry));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("history", triples);
        replyOk(env, MessageType.HISTORY_REPLY, content);
    }

    // ------------------------------------------------------------------ execute

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
        ExecuteRequest req = request.getContent();
        String code = req.getCode();
        int count = req.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(code, count));
        current = request;
        currentCount = count;
        resultText = null;
        // the cell's id for the debugger: a breakpoint set in it later, even after it ran, stops there
        evaluator.cellId(CellFiles.idOf(code));
        try {
            try {
                magics.run(code, count);
            } finally {
                flushText();
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (CellException e) {
            env.publish(new PublishError(e.name(), e.getMessage(), e.traceback()));
            ErrorReply error = new ErrorReply(e.name(), e.getMessage(), e.traceback());
            error.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
        } catch (RuntimeException e) {
            // a kernel-side failure: report it like a cell error instead of leaving the cell hanging
            List<String> tb = List.of(Ansi.red("KernelError") + ": " + e);
            env.publish(new PublishError("KernelError", String.valueOf(e.getMessage()), tb));
            ErrorReply error = new ErrorReply("KernelError", String.valueOf(e.getMessage()), tb);
            error.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
        } finally {
            if (variablesWatched) {
                // a variables panel is open: what it shows while the next cell runs is as of now
                variables.table();
            }
            if (req.shouldStoreHistory() && !req.isSilent()) {
                history.add(count, code, resultText);
            }
        }
    }

    /** Not used: cells go through {@link #handleExecuteRequest}. */
    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("cells run through handleExecuteRequest");
    }

    // ------------------------------------------------------------------ output from the cell JVM

    /** The cell's text, gathered into few stream messages. */
    private final StreamBuffer streams = new StreamBuffer(this::sendStream);

    /** Text is gathered and published every {@value StreamBuffer#INTERVAL_MS} ms, before a display, and when the cell ends. */
    @Override
    public void text(boolean stderr, String text) {
        streams.text(stderr, text);
    }

    /** The cell JVM was replaced: the comms that lived there are closed in the front end too. */
    @Override
    public void restarted() {
        comms.closeAll(current);
    }

    /** Publishes the text gathered so far. */
    void flushText() {
        streams.flush();
    }

    private void sendStream(boolean stderr, String text) {
        publish(new Message<>(current, PublishStream.MESSAGE_TYPE,
                new PublishStream(stderr ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text)));
    }

    @Override
    public void frame(Frames.Frame frame) {
        flushText();
        if (frame.type().equals(Frames.COMM)) {
            comms.publish(frame, current);
            return;
        }
        DisplayData data = toDisplayData(frame.bundle());
        switch (frame.type()) {
            case Frames.CLEAR:
                publish(new Message<>(current, PublishClearOutput.MESSAGE_TYPE, PublishClearOutput.NOW));
                break;
            case Frames.RESULT:
                resultText = frame.bundle().text();
                publish(new Message<>(current, PublishExecuteResult.MESSAGE_TYPE,
                        new PublishExecuteResult(currentCount, data)));
                break;
            case Frames.UPDATE:
                data.setDisplayId(frame.displayId());
                publish(new Message<>(current, PublishUpdateDisplayData.MESSAGE_TYPE, new PublishUpdateDisplayData(data)));
                break;
            default:
                if (frame.displayId() != null) {
                    data.setDisplayId(frame.displayId());
                }
                publish(new Message<>(current, PublishDisplayData.MESSAGE_TYPE, new PublishDisplayData(data)));
        }
    }

    /** Publishes a display bundle from the kernel side (used by magics). */
    void show(MimeBundle bundle) {
        flushText();
        publish(new Message<>(current, PublishDisplayData.MESSAGE_TYPE, new PublishDisplayData(toDisplayData(bundle))));
    }

    private static DisplayData toDisplayData(MimeBundle bundle) {
        DisplayData data = new DisplayData();
        for (Map.Entry<String, String> e : bundle.data().entrySet()) {
            data.putData(e.getKey(), value(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, Map<String, Object>> e : bundle.metadata().entrySet()) {
            data.putMetaData(e.getKey(), e.getValue());
        }
        return data;
    }

    /** A JSON MIME type's value as JSON (a widget view's {"model_id": …}), any other as its text. */
    private static Object value(String mime, String content) {
        if (mime.equals("application/json") || mime.endsWith("+json")) {
            try {
                return com.google.gson.JsonParser.parseString(content);
            } catch (RuntimeException e) {
                // not JSON after all: keep the text
            }
        }
        return content;
    }

    private void publish(Message<?> message) {
        JupyterConnection c = connection;
        if (c != null && current != null) {
            c.getIOPub().sendMessage(message);
        }
    }

    // ------------------------------------------------------------------ completion, inspection, is_complete

    /** JShell's analysis, or null while the cell JVM could not start (the next cell reports why). */
    private SourceCodeAnalysis analysisOrNull() {
        try {
            return evaluator.analysis();
        } catch (CellException e) {
            return null;
        }
    }

    // completion, inspection and is_complete never run while the variables are read (Variables)

    @Override
    public ReplacementOptions complete(String code, int at) {
        return evaluator.exclusive(() -> completeNow(code, at));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return evaluator.exclusive(() -> inspectNow(code, at));
    }

    @Override
    public String isComplete(String code) {
        return evaluator.exclusive(() -> isCompleteNow(code));
    }

    private ReplacementOptions completeNow(String code, int at) {
        // package names and classes not imported yet come from JShell's index, held back until now
        CompletionIndex.build();
        Segment seg = evaluator.segmentAt(code, at);
        int base = seg == null ? 0 : seg.start();
        String text = code.substring(base, Math.max(base, at));
        int[] anchor = new int[1];
        SourceCodeAnalysis analysis = analysisOrNull();
        if (analysis == null) {
            return new ReplacementOptions(List.of(), at, at);
        }
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(text, text.length(), anchor);
        List<String> options = new ArrayList<>();
        boolean anyMatch = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            if ((!anyMatch || s.matchesType()) && !options.contains(s.continuation())) {
                options.add(s.continuation());
            }
        }
        if (anyMatch) {
            for (SourceCodeAnalysis.Suggestion s : suggestions) {
                if (!options.contains(s.continuation())) {
                    options.add(s.continuation());
                }
            }
        }
        return new ReplacementOptions(options, base + anchor[0], at);
    }

    private DisplayData inspectNow(String code, int at) {
        Segment seg = evaluator.segmentAt(code, at);
        int base = seg == null ? 0 : seg.start();
        // inspect the identifier under the cursor: extend to its end, as if completing there
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (end < code.length() && code.charAt(end) == '(') {
            end++;
        }
        String text = code.substring(base, Math.max(base, end));
        SourceCodeAnalysis analysis = analysisOrNull();
        if (analysis == null) {
            return null;
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(text, text.length(), true);
        if (docs.isEmpty() && !text.isEmpty() && Character.isJavaIdentifierPart(text.charAt(text.length() - 1))) {
            // JShell documents a method only inside its call: at the end of "Math.max" or "net",
            // where Shift-Tab is pressed, ask as if the call were opened
            docs = analysis.documentation(text + "(", text.length() + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append("\n\n").append(plainJavadoc(d.javadoc()));
            }
        }
        return new DisplayData(sb.toString());
    }

    /** Javadoc as plain text: inline tags unwrapped, HTML tags dropped, entities decoded. */
    static String plainJavadoc(String javadoc) {
        return javadoc.strip()
                .replaceAll("\\{@(?:code|literal|link|linkplain|value) ([^}]*)}", "$1")
                .replaceAll("</?(?:pre|p|b|i|em|strong|code|ul|ol|li|br|table|tr|td|th)\\s*/?>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private String isCompleteNow(String code) {
        SourceCodeAnalysis analysis = analysisOrNull();
        if (analysis == null) {
            return IS_COMPLETE_MAYBE;
        }
        String remaining = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    if (info.remaining().isBlank()) {
                        return IS_COMPLETE_YES;
                    }
                    remaining = info.remaining();
                    continue;
                case EMPTY:
                    return IS_COMPLETE_YES;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return indentFor(code);
                case UNKNOWN:
                default:
                    return IS_COMPLETE_BAD;
            }
        }
    }

    /** The indent for the next line: the last line's, plus four spaces after an opening brace. */
    private static String indentFor(String code) {
        String last = code.substring(code.lastIndexOf('\n') + 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        return last.stripTrailing().endsWith("{") || last.stripTrailing().endsWith("(") ? indent + "    " : indent;
    }

    // ------------------------------------------------------------------ interrupt and shutdown

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
        super.onShutdown(isRestarting);
    }
}
