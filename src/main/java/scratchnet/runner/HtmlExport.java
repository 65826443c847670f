package scratchnet.runner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders an executed notebook as one self-contained HTML page: markdown cells through
 * CommonMark (with GitHub tables), code cells in {@code <pre>}, text output in {@code <pre>},
 * images inline as {@code data:} URIs, HTML output embedded as it is, and errors in red without
 * terminal colour codes. The page title is the notebook's first heading. Widgets saved in the
 * notebook's metadata are drawn by ipywidgets' own renderer, inlined in the page ({@link WidgetEmbed}).
 * <pre>{@code
 * ObjectNode nb = (ObjectNode) new ObjectMapper().readTree(Path.of("000-sine.out.ipynb").toFile());
 * Files.writeString(Path.of("000-sine.html"), HtmlExport.render(nb, "000-sine"));
 * }</pre>
 */
public final class HtmlExport {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    /** CSI sequences (colours, cursor moves), OSC sequences (titles, frames) and two-character escapes. */
    private static final Pattern ANSI = Pattern.compile(
            "\u001b(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?|[@-Z\\\\-_])");

    private static final String CSS = String.join("\n",
            "body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #1f2328;",
            "       max-width: 980px; margin: 2em auto; padding: 0 1em; line-height: 1.5; }",
            "pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px;",
            "      white-space: pre-wrap; word-wrap: break-word; margin: 0; }",
            ".cell { margin: 1.2em 0; }",
            ".prompt { color: #6e7781; font: 12px ui-monospace, monospace; margin-bottom: 2px; }",
            ".source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; }",
            ".output { padding: 6px 12px; overflow-x: auto; }",
            ".stderr { background: #fff8f0; }",
            ".error { color: #b3261e; background: #fff0f0; border-left: 3px solid #b3261e; }",
            ".raw { color: #57606a; }",
            ".markdown table, .output table { border-collapse: collapse; }",
            ".markdown th, .markdown td { border: 1px solid #d0d7de; padding: 3px 10px; }",
            ".output th, .output td { padding: 2px 8px; border-bottom: 1px solid #eaeef2; }",
            ".markdown code { background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }",
            "img { max-width: 100%; }");

    private HtmlExport() {
    }

    /**
     * The page for {@code notebook} (a parsed .ipynb; multi-line fields may be strings or lists of
     * lines). {@code fallbackTitle} is used when no markdown cell has a heading.
     */
    public static String render(JsonNode notebook, String fallbackTitle) {
        String title = title(notebook);
        if (title == null || title.isBlank()) {
            title = fallbackTitle;
        }
        WidgetEmbed widgets = WidgetEmbed.of(notebook);
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"generator\" content=\"scratchnet run\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("\n</style>\n");
        if (widgets != null) {
            h.append(widgets.stateScript());
        }
        h.append("</head>\n<body>\n");
        for (JsonNode cell : notebook.path("cells")) {
            String type = cell.path("cell_type").asText();
            String source = Ipynb.text(cell.get("source"));
            switch (type) {
                case "markdown":
                    h.append("<div class=\"cell markdown\">\n").append(markdown(source, cell.get("attachments")))
                            .append("</div>\n");
                    break;
                case "code":
                    code(h, cell, source, widgets);
                    break;
                default:
                    if (!source.isEmpty()) {
                        h.append("<div class=\"cell raw\"><pre>").append(escape(source)).append("</pre></div>\n");
                    }
            }
        }
        if (widgets != null) {
            h.append(widgets.rendererScript());
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void code(StringBuilder h, JsonNode cell, String source, WidgetEmbed widgets) {
        JsonNode count = cell.get("execution_count");
        String n = count == null || count.isNull() ? " " : count.asText();
        h.append("<div class=\"cell code\">\n<div class=\"prompt\">In [").append(escape(n)).append("]:</div>\n")
                .append("<pre class=\"source\">").append(escape(source)).append("</pre>\n");
        for (JsonNode out : cell.path("outputs")) {
            switch (out.path("output_type").asText()) {
                case "stream": {
                    String name = out.path("name").asText("stdout");
                    h.append("<pre class=\"output ").append("stderr".equals(name) ? "stderr" : "stdout").append("\">")
                            .append(escape(terminalText(Ipynb.text(out.get("text"))))).append("</pre>\n");
                    break;
                }
                case "display_data":
                case "execute_result": {
                    // a widget the page can draw is drawn; others show their richest other format
                    JsonNode view = out.path("data").path("application/vnd.jupyter.widget-view+json");
                    String drawn = widgets == null || !view.isObject() ? null : widgets.viewScript(view);
                    h.append("<div class=\"output\">").append(drawn != null ? drawn : bundle(out.path("data"), out.path("metadata")))
                            .append("</div>\n");
                    break;
                }
                case "error": {
                    StringBuilder tb = new StringBuilder();
                    for (JsonNode line : out.path("traceback")) {
                        tb.append(line.asText()).append('\n');
                    }
                    if (tb.length() == 0) {
                        tb.append(out.path("ename").asText()).append(": ").append(out.path("evalue").asText());
                    }
                    h.append("<pre class=\"output error\">").append(escape(stripAnsi(tb.toString()).stripTrailing()))
                            .append("</pre>\n");
                    break;
                }
                default:
                    // unknown output types are left out
            }
        }
        h.append("</div>\n");
    }

    /** The richest format a page can show: HTML, then images, then markdown, then text. */
    private static String bundle(JsonNode data, JsonNode metadata) {
        if (data.has("text/html")) {
            return Ipynb.text(data.get("text/html"));
        }
        for (String mime : List.of("image/png", "image/jpeg", "image/gif")) {
            if (data.has(mime)) {
                String b64 = Ipynb.text(data.get(mime)).replaceAll("\\s+", "");
                return img(mime, b64, metadata.path(mime));
            }
        }
        if (data.has("image/svg+xml")) {
            byte[] svg = Ipynb.text(data.get("image/svg+xml")).getBytes(StandardCharsets.UTF_8);
            return img("image/svg+xml", Base64.getEncoder().encodeToString(svg), metadata.path("image/svg+xml"));
        }
        if (data.has("text/markdown")) {
            return "<div class=\"markdown\">" + markdown(Ipynb.text(data.get("text/markdown")), null) + "</div>";
        }
        for (String mime : List.of("text/latex", "application/json", "text/plain")) {
            if (data.has(mime)) {
                JsonNode v = data.get(mime);
                String text = v.isObject() || (v.isArray() && mime.equals("application/json")) ? v.toPrettyString() : Ipynb.text(v);
                return "<pre>" + escape(stripAnsi(text)) + "</pre>";
            }
        }
        return "";
    }

    private static String img(String mime, String base64, JsonNode meta) {
        StringBuilder s = new StringBuilder("<img src=\"data:").append(mime).append(";base64,").append(base64).append('"');
        for (String dim : List.of("width", "height")) {
            if (meta.path(dim).isNumber()) {
                s.append(' ').append(dim).append("=\"").append(meta.path(dim).asInt()).append('"');
            }
        }
        return s.append(" alt=\"\">").toString();
    }

    /** Markdown to HTML; images that name a cell attachment ({@code attachment:plot.png}) become data URIs. */
    static String markdown(String source, JsonNode attachments) {
        HtmlRenderer.Builder b = HtmlRenderer.builder().extensions(EXTENSIONS);
        if (attachments != null && attachments.isObject()) {
            b.attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                String src = attrs.get("src");
                if (node instanceof Image && src != null && src.startsWith("attachment:")) {
                    JsonNode bundle = attachments.path(src.substring("attachment:".length()));
                    var it = bundle.properties().iterator();
                    if (it.hasNext()) {
                        var e = it.next();
                        attrs.put("src", "data:" + e.getKey() + ";base64," + Ipynb.text(e.getValue()).replaceAll("\\s+", ""));
                    }
                }
            });
        }
        return b.build().render(PARSER.parse(source));
    }

    /** The text of the first heading in the markdown cells, or null. */
    static String title(JsonNode notebook) {
        for (JsonNode cell : notebook.path("cells")) {
            if (!"markdown".equals(cell.path("cell_type").asText())) {
                continue;
            }
            Node doc = PARSER.parse(Ipynb.text(cell.get("source")));
            StringBuilder[] found = {null};
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    if (found[0] == null) {
                        found[0] = new StringBuilder();
                        collect(heading, found[0]);
                    }
                }
            });
            if (found[0] != null && !found[0].toString().isBlank()) {
                return found[0].toString().strip();
            }
        }
        return null;
    }

    private static void collect(Node node, StringBuilder out) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text) {
                out.append(((Text) c).getLiteral());
            } else if (c instanceof Code) {
                out.append(((Code) c).getLiteral());
            } else {
                collect(c, out);
            }
        }
    }

    /** Text without terminal escape sequences (colours, cursor moves, OSC frames). */
    public static String stripAnsi(String s) {
        return s.indexOf('\u001b') < 0 ? s : ANSI.matcher(s).replaceAll("");
    }

    /** Terminal text as a terminal shows it: escapes removed, and a carriage return overwrites its line. */
    static String terminalText(String s) {
        String plain = stripAnsi(s).replace("\r\n", "\n");
        if (plain.indexOf('\r') < 0) {
            return plain;
        }
        StringBuilder out = new StringBuilder(plain.length());
        for (String line : plain.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            // a trailing \r alone keeps the line (the next write would overwrite it, but none came)
            String kept = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int cr = kept.lastIndexOf('\r');
            out.append(cr < 0 ? kept : kept.substring(cr + 1));
        }
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
