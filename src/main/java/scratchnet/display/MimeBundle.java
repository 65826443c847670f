package scratchnet.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One value rendered in several formats, keyed by MIME type, as Jupyter's {@code display_data}
 * carries it: {@code data} maps a MIME type to its content (base64 for images), {@code metadata}
 * maps a MIME type to extra facts such as an image's size. Order is kept.
 * <pre>{@code
 * MimeBundle b = new MimeBundle()
 *         .put("text/plain", "42 apples")
 *         .put("text/html", "<b>42</b> apples");
 * Display.display(b);     // a bundle displays as itself
 * }</pre>
 */
public final class MimeBundle {
    /** The MIME type every bundle should have, for front ends that show nothing richer. */
    public static final String TEXT = "text/plain";

    private final Map<String, String> data = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();

    /** An empty bundle. */
    public MimeBundle() {
    }

    /** A bundle holding only {@code text/plain}. */
    public static MimeBundle ofText(String text) {
        return new MimeBundle().put(TEXT, text);
    }

    /** Sets the content for one MIME type (replacing an earlier one); returns this bundle. */
    public MimeBundle put(String mime, String value) {
        data.put(checkMime(mime), Objects.requireNonNull(value, () -> "MimeBundle.put: expected a value for " + mime + ", got null"));
        return this;
    }

    /** Sets one metadata entry for a MIME type, for example {@code meta("image/png", "width", 600)}; returns this bundle. */
    public MimeBundle meta(String mime, String key, Object value) {
        Objects.requireNonNull(key, "MimeBundle.meta: expected a key, got null");
        metadata.computeIfAbsent(checkMime(mime), k -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** The content by MIME type, in insertion order (read-only view). */
    public Map<String, String> data() {
        return Collections.unmodifiableMap(data);
    }

    /** The metadata by MIME type, in insertion order (read-only view). */
    public Map<String, Map<String, Object>> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** The content for one MIME type, or null. */
    public String get(String mime) {
        return data.get(mime);
    }

    /** True when the bundle has content for this MIME type. */
    public boolean has(String mime) {
        return data.containsKey(mime);
    }

    /** The {@code text/plain} content, or "" when there is none. */
    public String text() {
        return data.getOrDefault(TEXT, "");
    }

    /** Removes one MIME type's content and metadata; returns this bundle. */
    public MimeBundle remove(String mime) {
        data.remove(mime);
        metadata.remove(mime);
        return this;
    }

    /** An independent copy (metadata maps are copied one level deep). */
    public MimeBundle copy() {
        MimeBundle b = new MimeBundle();
        b.data.putAll(data);
        metadata.forEach((k, v) -> b.metadata.put(k, new LinkedHashMap<>(v)));
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MimeBundle && data.equals(((MimeBundle) o).data)
                && metadata.equals(((MimeBundle) o).metadata);
    }

    @Override
    public int hashCode() {
        return 31 * data.hashCode() + metadata.hashCode();
    }

    /** The MIME types and their sizes, for example {@code MimeBundle[text/plain: 12 chars, image/png: 20480 chars]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MimeBundle[");
        String sep = "";
        for (Map.Entry<String, String> e : data.entrySet()) {
            sb.append(sep).append(e.getKey()).append(": ").append(e.getValue().length()).append(" chars");
            sep = ", ";
        }
        return sb.append(']').toString();
    }

    private static String checkMime(String mime) {
        if (mime == null || mime.indexOf('/') <= 0) {
            throw new IllegalArgumentException("MimeBundle: expected a MIME type such as \"text/html\", got "
                    + (mime == null ? "null" : "\"" + mime + "\""));
        }
        return mime;
    }
}
