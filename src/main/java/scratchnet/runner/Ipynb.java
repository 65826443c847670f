package scratchnet.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import scratchnet.exec.KernelIdentity;

/**
 * Reading, checking and writing Jupyter notebook files (nbformat 4) as Jackson trees. Written
 * files look like Jupyter's own: keys sorted, one-space indent, multi-line strings as lists of
 * lines, a newline at the end.
 */
final class Ipynb {
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
    private static final ObjectWriter WRITER = JSON.writer(jupyterPrinter());
    private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private Ipynb() {
    }

    /** Jupyter's layout: {@code json.dumps(nb, indent=1, sort_keys=True)}. */
    private static DefaultPrettyPrinter jupyterPrinter() {
        Separators seps = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indent = new DefaultIndenter(" ", "\n");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(seps);
        p.indentObjectsWith(indent);
        p.indentArraysWith(indent);
        return p;
    }

    /**
     * Reads and checks a notebook: JSON, nbformat 4, a list of cells, each with a known
     * {@code cell_type} and a {@code source} that is a string or a list of strings.
     *
     * @throws IOException when the file cannot be read or is not such a notebook, saying what was
     *                     expected and what the file has
     */
    static ObjectNode read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // some errors (a document nested too deeply, say) come without a location
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IOException("expected a Jupyter notebook (JSON), but " + file + " is not valid JSON: "
                    + e.getOriginalMessage() + where, e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("expected a Jupyter notebook (a JSON object with \"cells\"), but " + file + " holds "
                    + kind(root));
        }
        JsonNode format = root.get("nbformat");
        if (format == null || !format.canConvertToInt() || format.asInt() != 4) {
            throw new IOException("expected a notebook in nbformat 4, but " + file + " has nbformat "
                    + (format == null ? "missing" : format.toString())
                    + "; convert it with: jupyter nbconvert --to notebook --nbformat 4 " + file);
        }
        JsonNode cells = root.get("cells");
        if (cells == null || !cells.isArray()) {
            throw new IOException("expected \"cells\" to be a list in " + file + ", got " + kind(cells));
        }
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            String where = file.getFileName() + ", cell " + (i + 1);
            if (!cell.isObject()) {
                throw new IOException(where + ": expected a cell object, got " + kind(cell));
            }
            String type = cell.path("cell_type").asText("");
            if (!type.equals("code") && !type.equals("markdown") && !type.equals("raw")) {
                throw new IOException(where + ": expected cell_type \"code\", \"markdown\" or \"raw\", got "
                        + (cell.has("cell_type") ? cell.get("cell_type").toString() : "none"));
            }
            JsonNode source = cell.get("source");
            boolean ok = source != null && (source.isTextual() || source.isArray());
            if (ok && source.isArray()) {
                for (JsonNode line : source) {
                    ok &= line.isTextual();
                }
            }
            if (!ok) {
                throw new IOException(where + ": expected \"source\" to be a string or a list of strings, got "
                        + kind(source));
            }
        }
        return (ObjectNode) root;
    }

    /**
     * The notebook to fill with outputs: a copy of {@code source} at nbformat 4.5 (or its newer
     * minor), its metadata kept (a scratchnet kernelspec and language_info added only when missing),
     * every cell with a valid unique id and a metadata object, and code cells not yet run.
     */
    static ObjectNode prepare(ObjectNode source) {
        ObjectNode nb = source.deepCopy();
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", Math.max(5, source.path("nbformat_minor").asInt(0)));
        ObjectNode meta = nb.get("metadata") instanceof ObjectNode ? (ObjectNode) nb.get("metadata") : nb.putObject("metadata");
        if (!meta.has("kernelspec")) {
            ObjectNode ks = meta.putObject("kernelspec");
            ks.put("display_name", KernelIdentity.DISPLAY_NAME);
            ks.put("language", KernelIdentity.LANGUAGE);
            ks.put("name", KernelIdentity.NAME);
        }
        if (!meta.has("language_info")) {
            ObjectNode li = meta.putObject("language_info");
            li.put("codemirror_mode", KernelIdentity.MIMETYPE);
            li.put("file_extension", KernelIdentity.FILE_EXTENSION);
            li.put("mimetype", KernelIdentity.MIMETYPE);
            li.put("name", KernelIdentity.LANGUAGE);
            li.put("pygments_lexer", KernelIdentity.PYGMENTS_LEXER);
            li.put("version", KernelIdentity.languageVersion());
        }
        Set<String> ids = new HashSet<>();
        ArrayNode cells = (ArrayNode) nb.get("cells");
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = (ObjectNode) cells.get(i);
            if (!(cell.get("metadata") instanceof ObjectNode)) {
                cell.putObject("metadata");
            }
            String id = cell.path("id").asText("");
            if (!CELL_ID.matcher(id).matches() || !ids.add(id)) {
                id = newId(i, text(cell.get("source")), ids);
                ids.add(id);
                cell.put("id", id);
            }
            if (cell.path("cell_type").asText().equals("code")) {
                cell.putNull("execution_count");
                cell.putArray("outputs");
            }
        }
        return nb;
    }

    /** A short id derived from the cell's position and source, so reruns give the same ids. */
    private static String newId(int index, String source, Set<String> taken) {
        int h = (index + ":" + source).hashCode();
        for (int salt = 0; ; salt++) {
            String id = String.format(Locale.ROOT, "%08x", h + salt);
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    /** A multi-line field (a string, or a list of lines as Jupyter stores it) as one string; "" for anything else. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode line : node) {
                sb.append(line.isTextual() ? line.asText() : line.toString());
            }
            return sb.toString();
        }
        return node.toString();
    }

    /** The file's bytes as Jupyter writes them: multi-line strings split into lines, sorted keys, indent 1. */
    static byte[] bytes(ObjectNode notebook) throws IOException {
        ObjectNode nb = notebook.deepCopy();
        for (JsonNode c : nb.path("cells")) {
            ObjectNode cell = (ObjectNode) c;
            cell.set("source", lines(text(cell.get("source"))));
            for (JsonNode o : cell.path("outputs")) {
                ObjectNode out = (ObjectNode) o;
                if (out.has("text")) {
                    out.set("text", lines(text(out.get("text"))));
                }
                if (out.get("data") instanceof ObjectNode) {
                    ObjectNode data = (ObjectNode) out.get("data");
                    List<String> keys = new ArrayList<>();
                    data.fieldNames().forEachRemaining(keys::add);
                    for (String mime : keys) {
                        JsonNode v = data.get(mime);
                        boolean split = mime.startsWith("text/") || mime.equals("image/svg+xml")
                                || mime.equals("application/javascript");
                        if (split && v.isTextual()) {
                            data.set(mime, lines(v.asText()));
                        }
                    }
                }
            }
        }
        String json = WRITER.writeValueAsString(nb) + "\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Python's {@code s.splitlines(True)} for {@code \n} line ends: every line keeps its newline. */
    static ArrayNode lines(String s) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        int start = 0;
        while (start < s.length()) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl + 1;
            a.add(s.substring(start, end));
            start = end;
        }
        return a;
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String t = n.getNodeType().toString().toLowerCase(Locale.ROOT);
        String shown = n.toString();
        return t + " " + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown);
    }
}
