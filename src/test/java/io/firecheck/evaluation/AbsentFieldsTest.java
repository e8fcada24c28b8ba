package io.firecheck.evaluation;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.firecheck.inspection.InspectionDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Absent or null means "not inspected": the spec's example with each optional field and section removed, and
 * set to null, one at a time. The paths come from the document itself, so fields added to the example are
 * covered without editing this test. Every answer is 2xx, and a rule that needs the field (and applies to
 * the building) is reported under notAssessed, never silently passed.
 */
@QuarkusTest
class AbsentFieldsTest {

    record Variant(String label, ObjectNode doc) {
    }

    @Test
    void everyOptionalFieldMayBeAbsentOrNull() {
        ObjectNode example = TestDocs.example();
        List<Map<String, Object>> rules = given().get("/api/v1/rules").then().statusCode(200).extract().path("rules");
        Map<String, List<String>> applying = applyingRules(example, rules);
        List<String> paths = new ArrayList<>();
        collect(example, "", InspectionDocument.class, paths);
        assertTrue(paths.size() > 50, "paths found in the example: " + paths);

        int checked = 0;
        for (String path : paths) {
            for (boolean asNull : new boolean[] {false, true}) {
                if (asNull && path.endsWith("]")) {
                    continue; // a list element is removed, not nulled: a null element is a 400 by contract
                }
                ObjectNode doc = example.deepCopy();
                edit(doc, path, asNull);
                Response r = given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations?dryRun=true");
                String label = (asNull ? "null " : "without ") + path;
                assertEquals(200, r.statusCode(), label + ": " + r.asString());
                Set<String> reported = new HashSet<>(r.path("notAssessed.ruleId"));
                reported.addAll(r.path("findings.ruleId"));
                String field = plain(path);
                applying.forEach((rule, needs) -> {
                    if (needs.stream().anyMatch(n -> n.equals(field) || n.startsWith(field + "."))) {
                        assertTrue(reported.contains(rule), label + ": " + rule + " needs it but is neither a finding nor "
                                + "not assessed: " + r.asString());
                    }
                });
                checked++;
            }
        }
        assertTrue(checked > 100, "variants posted: " + checked);
    }

    /**
     * Each rule that applies to the example, with what it needs (list filters dropped). A rule applies when
     * removing every fact it needs makes it "not assessed"; one that does not apply stays silent either way.
     */
    private static Map<String, List<String>> applyingRules(ObjectNode example, List<Map<String, Object>> rules) {
        List<String> ids = new ArrayList<>();
        List<List<String>> needs = new ArrayList<>();
        List<ObjectNode> docs = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            @SuppressWarnings("unchecked")
            List<String> plainNeeds = ((List<String>) rule.get("needs")).stream().map(AbsentFieldsTest::plain).toList();
            if (!plainNeeds.isEmpty()) {
                ObjectNode doc = example.deepCopy();
                plainNeeds.forEach(n -> removeAll(doc, n.split("\\.")));
                ids.add((String) rule.get("id"));
                needs.add(plainNeeds);
                docs.add(doc);
            }
        }
        // one dry-run batch: each item is evaluated on its own, as a single post would be
        List<List<String>> notAssessed = given().contentType(ContentType.JSON).body(json(docs))
                .post("/api/v1/evaluations/batch?dryRun=true").then().statusCode(200).extract().path("result.notAssessed.ruleId");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (notAssessed.get(i).contains(ids.get(i))) {
                out.put(ids.get(i), needs.get(i));
            }
        }
        assertTrue(out.size() > 10, "rules that apply to the example: " + out.keySet());
        return out;
    }

    /** Every path in the document that the contract does not require; list elements as name[i]. */
    static void collect(JsonNode node, String prefix, Class<?> type, List<String> out) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            RecordComponent c = component(type, name);
            String path = prefix + name;
            if (!required(c)) {
                out.add(path);
            }
            JsonNode child = node.get(name);
            if (child.isObject()) {
                collect(child, path + ".", c.getType(), out);
            } else if (child.isArray() && c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                for (int i = 0; i < child.size(); i++) {
                    out.add(path + "[" + i + "]");
                    collect(child.get(i), path + "[" + i + "].", element, out);
                }
            }
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("the example has a field the input records do not know: " + type.getSimpleName() + "." + name);
    }

    private static boolean required(RecordComponent c) {
        return java.util.Arrays.stream(c.getAccessor().getAnnotations())
                .anyMatch(a -> Set.of("NotNull", "NotBlank").contains(a.annotationType().getSimpleName()));
    }

    /** Removes the field at a path like {@code shafts[0].kind}, or sets it to null. */
    static void edit(ObjectNode doc, String path, boolean asNull) {
        int dot = path.lastIndexOf('.');
        String last = path.substring(dot + 1);
        JsonNode parent = dot < 0 ? doc : at(doc, path.substring(0, dot));
        if (last.endsWith("]")) {
            ArrayNode list = (ArrayNode) parent.get(last.substring(0, last.indexOf('[')));
            list.remove(Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1)));
        } else if (asNull) {
            ((ObjectNode) parent).putNull(last);
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    /** The node at a path like {@code shafts[0].kind}; a missing node when it is not there. */
    static JsonNode at(JsonNode doc, String path) {
        JsonNode node = doc;
        for (String seg : path.split("\\.")) {
            int bracket = seg.indexOf('[');
            node = bracket < 0 ? node.path(seg)
                    : node.path(seg.substring(0, bracket)).path(Integer.parseInt(seg.substring(bracket + 1, seg.length() - 1)));
        }
        return node;
    }

    /** Removes a field from every object the path reaches (through every element of a list). */
    private static void removeAll(JsonNode node, String[] segs) {
        each(node, segs, 0, parent -> parent.remove(segs[segs.length - 1]));
    }

    private static void each(JsonNode node, String[] segs, int i, Consumer<ObjectNode> action) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (i == segs.length - 1) {
            action.accept((ObjectNode) node);
            return;
        }
        JsonNode child = node.get(segs[i]);
        if (child != null && child.isArray()) {
            child.forEach(e -> each(e, segs, i + 1, action));
        } else {
            each(child, segs, i + 1, action);
        }
    }

    /** A path without list indices or filters: {@code shafts[kind=CABLE].x} and {@code shafts[0].x} are {@code shafts.x}. */
    static String plain(String path) {
        return path.replaceAll("\\[[^]]*]", "");
    }
}
