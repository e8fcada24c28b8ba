package io.firecheck.engine;

import io.firecheck.inspection.InspectionDocument;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import io.firecheck.engine.facts.Records;

/**
 * Reads values out of an inspection document by JSON path, e.g. {@code controlRoom.present},
 * {@code shafts[].wallFireResistanceH} or {@code shafts[kind=CABLE].cableTrayFireStopped}.
 * Paths name JSON fields, which are the record component names.
 */
public final class DocumentPaths {

    private DocumentPaths() {
    }

    /** Null when the path names a field of the document, otherwise what is wrong with it. */
    public static String problem(String path) {
        Class<?> type = InspectionDocument.class;
        String done = "";
        for (Segment seg : Path.of(path).segments) {
            if (!type.isRecord()) {
                return "`" + done + "` has no field `" + seg.name() + "`";
            }
            RecordComponent c = component(type, seg.name());
            if (c == null) {
                return "unknown fact `" + (done.isEmpty() ? "" : done + ".") + seg.name() + "` (see inspection-document.md for the field names)";
            }
            done = done.isEmpty() ? seg.name() : done + "." + seg.name();
            if (seg.iterates()) {
                if (!List.class.isAssignableFrom(c.getType())) {
                    return "`" + done + "` is not a list, so `[]` cannot follow it";
                }
                type = elementType(c.getGenericType());
                if (seg.filterField() != null && component(type, seg.filterField()) == null) {
                    return "unknown field `" + seg.filterField() + "` in filter of `" + done + "`";
                }
            } else {
                type = c.getType();
            }
        }
        return null;
    }

    /** The concrete paths that are absent (the highest absent ancestor of each); empty when all are present. */
    public static List<String> missing(InspectionDocument doc, String path) {
        return missing(doc, Path.of(path));
    }

    static List<String> missing(InspectionDocument doc, Path path) {
        if (present(doc, path.segments, 0)) {
            return List.of(); // the common case, found without building a path string
        }
        Set<String> out = new LinkedHashSet<>();
        collectMissing(doc, path.segments, 0, "", out);
        return new ArrayList<>(out);
    }

    /** Whether nothing on the path is absent: what {@link #collectMissing} would find nothing for. */
    private static boolean present(Object node, Segment[] segs, int i) {
        if (i == segs.length) {
            return true;
        }
        Segment seg = segs[i];
        Object value = seg.read(node);
        if (value == null) {
            return false;
        }
        if (!seg.iterates()) {
            return present(value, segs, i + 1);
        }
        List<?> items = (List<?>) value;
        if (items.isEmpty()) {
            return false;
        }
        for (Object item : items) {
            if (seg.filterField() != null && !seg.passesFilter(item)) {
                continue;
            }
            if (!present(item, segs, i + 1)) {
                return false;
            }
        }
        return true;
    }

    /** The single value at a path without list segments; null when it or an ancestor is absent. */
    static Object valueOrNull(InspectionDocument doc, Path path) {
        Object current = doc;
        for (Segment seg : path.segments) {
            if (current == null || seg.iterates()) {
                return null;
            }
            current = seg.read(current);
        }
        return current;
    }

    private static void collectMissing(Object node, Segment[] segs, int i, String at, Set<String> out) {
        if (i == segs.length) {
            return;
        }
        Segment seg = segs[i];
        String here = at.isEmpty() ? seg.name() : at + "." + seg.name();
        Object value = seg.read(node);
        if (value == null) {
            out.add(here);
            return;
        }
        if (!seg.iterates()) {
            collectMissing(value, segs, i + 1, here, out);
            return;
        }
        List<?> items = (List<?>) value;
        if (items.isEmpty()) {
            // an empty list records that nothing was inspected, which is not the same as "all fine"
            out.add(here);
            return;
        }
        for (int k = 0; k < items.size(); k++) {
            Object item = items.get(k);
            if (seg.filterField() != null && !seg.passesFilter(item)) {
                continue;
            }
            collectMissing(item, segs, i + 1, here + "[" + k + "]", out);
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        return Records.component(type, name);
    }

    private static Class<?> elementType(Type listType) {
        Type arg = ((ParameterizedType) listType).getActualTypeArguments()[0];
        return arg instanceof Class<?> cls ? cls : Object.class;
    }

    /**
     * A path parsed once, each field's accessor resolved from the document's record types (which are final), so
     * reading it is a chain of accessor calls with no lookup by name. A path that does not fit the document's
     * shape (a load problem, see {@link #problem}) falls back to reading each field by name.
     */
    static final class Path {
        private static final Map<String, Path> PARSED = new ConcurrentHashMap<>();
        private final Segment[] segments;

        private Path(Segment[] segments) {
            this.segments = segments;
        }

        static Path of(String path) {
            Path p = PARSED.get(path);
            return p != null ? p : PARSED.computeIfAbsent(path, Path::parse);
        }

        private static Path parse(String path) {
            List<Segment> out = new ArrayList<>();
            Class<?> type = InspectionDocument.class;
            for (String raw : path.strip().split("\\.")) {
                int b = raw.indexOf('[');
                String name = b < 0 ? raw : raw.substring(0, b);
                RecordComponent c = type == null ? null : component(type, name);
                Function<Object, Object> read = c == null ? null : Records.accessor(type, name);
                Class<?> next = c == null ? null : b < 0 ? c.getType()
                        : List.class.isAssignableFrom(c.getType()) ? elementType(c.getGenericType()) : null;
                if (b < 0) {
                    out.add(new Segment(name, read, false, null, null, null));
                } else {
                    String inner = raw.substring(b + 1, raw.length() - 1);
                    int eq = inner.indexOf('=');
                    String filterField = eq < 0 ? null : inner.substring(0, eq);
                    Function<Object, Object> filterRead = filterField == null || next == null || component(next, filterField) == null ? null
                            : Records.accessor(next, filterField);
                    out.add(new Segment(name, read, true, filterField, filterRead, eq < 0 ? null : inner.substring(eq + 1)));
                }
                type = next;
            }
            return new Path(out.toArray(Segment[]::new));
        }
    }

    /** One field of a path; {@code read}/{@code filterRead} are null where the static type did not resolve. */
    private record Segment(String name, Function<Object, Object> read, boolean iterates, String filterField,
                           Function<Object, Object> filterRead, String filterValue) {
        Object read(Object record) {
            return read == null ? Records.read(record, name) : read.apply(record);
        }

        boolean passesFilter(Object item) {
            Object f = filterRead == null ? Records.read(item, filterField) : filterRead.apply(item);
            return f != null && f.toString().equals(filterValue);
        }
    }
}
