package io.firecheck.engine;

import io.firecheck.inspection.InspectionDocument;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        for (Segment seg : Segment.parse(path)) {
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
        List<Segment> segs = Segment.parse(path);
        if (present(doc, segs, 0)) {
            return new ArrayList<>(); // the common case, found without building a path string
        }
        Set<String> out = new LinkedHashSet<>();
        collectMissing(doc, segs, 0, "", out);
        return new ArrayList<>(out);
    }

    /** Whether nothing on the path is absent: what {@link #collectMissing} would find nothing for. */
    private static boolean present(Object node, List<Segment> segs, int i) {
        if (i == segs.size()) {
            return true;
        }
        Segment seg = segs.get(i);
        Object value = read(node, seg.name());
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
            if (seg.filterField() != null) {
                Object f = read(item, seg.filterField());
                if (f == null || !f.toString().equals(seg.filterValue())) {
                    continue;
                }
            }
            if (!present(item, segs, i + 1)) {
                return false;
            }
        }
        return true;
    }

    /** The single value at a path without list segments; empty when it or an ancestor is absent. */
    public static Optional<Object> value(InspectionDocument doc, String path) {
        Object current = doc;
        for (Segment seg : Segment.parse(path)) {
            if (current == null || seg.iterates()) {
                return Optional.empty();
            }
            current = read(current, seg.name());
        }
        return Optional.ofNullable(current);
    }

    private static void collectMissing(Object node, List<Segment> segs, int i, String at, Set<String> out) {
        if (i == segs.size()) {
            return;
        }
        Segment seg = segs.get(i);
        String here = at.isEmpty() ? seg.name() : at + "." + seg.name();
        Object value = read(node, seg.name());
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
            if (seg.filterField() != null) {
                Object f = read(item, seg.filterField());
                if (f == null || !f.toString().equals(seg.filterValue())) {
                    continue;
                }
            }
            collectMissing(item, segs, i + 1, here + "[" + k + "]", out);
        }
    }

    private static Object read(Object record, String name) {
        return Records.read(record, name);
    }

    private static RecordComponent component(Class<?> type, String name) {
        return Records.component(type, name);
    }

    private static Class<?> elementType(Type listType) {
        Type arg = ((ParameterizedType) listType).getActualTypeArguments()[0];
        return arg instanceof Class<?> cls ? cls : Object.class;
    }

    private record Segment(String name, boolean iterates, String filterField, String filterValue) {
        private static final Map<String, List<Segment>> PARSED = new ConcurrentHashMap<>();

        static List<Segment> parse(String path) {
            return PARSED.computeIfAbsent(path, Segment::parseNew);
        }

        private static List<Segment> parseNew(String path) {
            List<Segment> out = new ArrayList<>();
            for (String raw : path.strip().split("\\.")) {
                int b = raw.indexOf('[');
                if (b < 0) {
                    out.add(new Segment(raw, false, null, null));
                    continue;
                }
                String inner = raw.substring(b + 1, raw.length() - 1);
                int eq = inner.indexOf('=');
                out.add(eq < 0
                        ? new Segment(raw.substring(0, b), true, null, null)
                        : new Segment(raw.substring(0, b), true, inner.substring(0, eq), inner.substring(eq + 1)));
            }
            return List.copyOf(out);
        }
    }
}
