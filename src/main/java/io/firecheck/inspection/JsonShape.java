package io.firecheck.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Checks a JSON document against the shape of the input records before it is bound, so that a client
 * learns about every wrong type, unknown enum value, malformed date and unknown field at once, not one
 * per attempt. Values (ranges, required fields) are Bean Validation's job afterwards.
 */
public final class JsonShape {
    private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

    private JsonShape() {
    }

    /**
     * The shape problems, and a copy of the document without the offending values (null when the document
     * itself is not an object), so the rest of it can still be validated in the same answer.
     */
    public record Checked(List<Violation> violations, JsonNode sanitized) {
    }

    public static Checked check(JsonNode node, Class<?> recordType) {
        List<Violation> out = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            out.add(new Violation("$", "a JSON inspection document is required"));
            return new Checked(out, null);
        }
        // a valid document (the usual case) is checked as it is; only one with problems is copied and cleaned
        if (value(node, recordType, recordType, "", out, false) && out.isEmpty()) {
            return new Checked(out, node);
        }
        out.clear();
        JsonNode copy = node.deepCopy();
        boolean ok = value(copy, recordType, recordType, "", out, true);
        return new Checked(out, ok ? copy : null);
    }

    /** False when the value itself is wrong; with {@code fix}, wrong values inside it are removed from it. */
    private static boolean value(JsonNode node, Class<?> type, Type generic, String path, List<Violation> out, boolean fix) {
        if (node.isNull()) {
            return true; // absent means "not inspected"; required fields are Bean Validation's
        }
        String at = path.isEmpty() ? "$" : path;
        if (type.isRecord()) {
            if (!node.isObject()) {
                return expect(false, at, "must be an object", out);
            }
            Map<String, RecordComponent> components = components(type);
            List<String> remove = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                RecordComponent c = components.get(f.getKey());
                if (c == null) {
                    out.add(new Violation(child, "unknown field `" + f.getKey() + "` (check the spelling against inspection-document.md)"));
                    remove.add(f.getKey());
                } else if (!value(f.getValue(), c.getType(), c.getGenericType(), child, out, fix)) {
                    remove.add(f.getKey());
                }
            }
            if (fix) {
                ((ObjectNode) node).remove(remove);
            }
            return true;
        }
        if (List.class.isAssignableFrom(type)) {
            if (!node.isArray()) {
                return expect(false, at, "must be an array", out);
            }
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                if (!value(node.get(i), (Class<?>) element, element, path + "[" + i + "]", out, fix)) {
                    if (fix) {
                        ((ArrayNode) node).set(i, NullNode.getInstance());
                    }
                }
            }
            return true;
        }
        if (type == Boolean.class) {
            return expect(node.isBoolean(), at, "must be true or false", out);
        }
        if (type == Integer.class) {
            return expect(node.isIntegralNumber() && node.canConvertToInt(), at, "must be a whole number", out);
        }
        if (type == BigDecimal.class) {
            return expect(node.isNumber(), at, "must be a number", out);
        }
        if (type == String.class) {
            // PostgreSQL stores no U+0000 in text or jsonb: refused here as input, not later as a 500
            return expect(node.isTextual(), at, "must be a string", out)
                    && expect(node.asText().indexOf('\0') < 0, at, "must not contain the NUL character (U+0000)", out);
        }
        if (type == LocalDate.class) {
            return expect(node.isTextual() && isDate(node.asText()), at, "must be a valid date such as 2026-11-20", out);
        }
        if (type.isEnum()) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            return expect(node.isTextual() && allowed.contains(node.asText()), at,
                    "`" + (node.isTextual() ? node.asText() : node.toString()) + "` is not one of " + String.join(", ", allowed), out);
        }
        return true;
    }

    private static boolean expect(boolean ok, String path, String message, List<Violation> out) {
        if (!ok) {
            out.add(new Violation(path, message));
        }
        return ok;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Map<String, RecordComponent> components(Class<?> type) {
        return COMPONENTS.computeIfAbsent(type, t -> {
            Map<String, RecordComponent> byName = new HashMap<>();
            for (RecordComponent c : t.getRecordComponents()) {
                byName.put(c.getName(), c);
            }
            return byName;
        });
    }
}
