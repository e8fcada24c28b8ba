package io.firecheck.inspection;

import com.fasterxml.jackson.databind.JsonNode;
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

    public static List<Violation> check(JsonNode node, Class<?> recordType) {
        List<Violation> out = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            out.add(new Violation("$", "a JSON inspection document is required"));
        } else {
            value(node, recordType, recordType, "", out);
        }
        return out;
    }

    private static void value(JsonNode node, Class<?> type, Type generic, String path, List<Violation> out) {
        if (node.isNull()) {
            return; // absent means "not inspected"; required fields are Bean Validation's
        }
        String at = path.isEmpty() ? "$" : path;
        if (type.isRecord()) {
            if (!node.isObject()) {
                out.add(new Violation(at, "must be an object"));
                return;
            }
            Map<String, RecordComponent> components = components(type);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                RecordComponent c = components.get(f.getKey());
                if (c == null) {
                    out.add(new Violation(child, "unknown field `" + f.getKey() + "` (check the spelling against inspection-document.md)"));
                } else {
                    value(f.getValue(), c.getType(), c.getGenericType(), child, out);
                }
            }
        } else if (List.class.isAssignableFrom(type)) {
            if (!node.isArray()) {
                out.add(new Violation(at, "must be an array"));
                return;
            }
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass = (Class<?>) element;
            for (int i = 0; i < node.size(); i++) {
                value(node.get(i), elementClass, element, path + "[" + i + "]", out);
            }
        } else if (type == Boolean.class) {
            expect(node.isBoolean(), at, "must be true or false", out);
        } else if (type == Integer.class) {
            expect(node.isIntegralNumber() && node.canConvertToInt(), at, "must be a whole number", out);
        } else if (type == BigDecimal.class) {
            expect(node.isNumber(), at, "must be a number", out);
        } else if (type == String.class) {
            expect(node.isTextual(), at, "must be a string", out);
        } else if (type == LocalDate.class) {
            expect(node.isTextual() && isDate(node.asText()), at, "must be a valid date such as 2026-11-20", out);
        } else if (type.isEnum()) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            expect(node.isTextual() && allowed.contains(node.asText()), at,
                    "`" + (node.isTextual() ? node.asText() : node.toString()) + "` is not one of " + String.join(", ", allowed), out);
        }
    }

    private static void expect(boolean ok, String path, String message, List<Violation> out) {
        if (!ok) {
            out.add(new Violation(path, message));
        }
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
