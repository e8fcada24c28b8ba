package io.firecheck.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A body read in one parse (the shortcut for valid documents) gives exactly what the tree path gives: the same
 * document, or the same problems, or the same unreadable-JSON error. Every node of the example document is
 * replaced in turn by values of every JSON shape (and removed, and given a sibling that is no field), and raw
 * bodies that are not documents are read both ways; with the service's own ObjectMapper and validators.
 */
@QuarkusTest
class DocumentReaderTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Set<String> RULE_IDS = Set.of("EVAC-BLOCKED", "SYS-ALARM-FAULTY");
    /** Replacement values, as JSON text: every shape, and the values one shape could be coerced from. */
    static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "7", "2147483648", "-9223372036854775809",
            "1" + "0".repeat(40), "1.0", "0.5", "2.50", "1e2", "1E400", "-0.0", "0.30000000000000001", "\"\"", "\" \"", "\"true\"",
            "\"7\"", "\"2.5\"", "\"2026-11-20\"", "\" 2026-11-20\"", "\"2026-11-20T10:00\"", "\"2026-02-30\"", "\"+12026-01-01\"",
            "\"NORMAL\"", "\"normal\"", "\"0\"", "\"A\"", "\"B1\"", "\"RESIDENTIAL\"", "\"EVAC-BLOCKED\"", "\"x\\u0000y\"",
            "[]", "[null]", "[\"A\"]", "[7]", "{}", "{\"total\": 3}", "[2026, 11, 20]", "20261120");

    /** Keeps each replacement's number as written (2.50, 1E400), as a client would send it. */
    static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Inject
    ObjectMapper mapper;
    @Inject
    ValidatorFactory validators;

    @Test
    void oneParseGivesWhatTheTreeGives() throws Exception {
        DocumentReader reader = new DocumentReader(mapper, DocumentChecks.of(validators));
        StrictBinding strict = new StrictBinding(mapper);
        ObjectNode example = TestDocs.example();
        List<String> bodies = new ArrayList<>();
        bodies.add(TestDocs.json(example));
        bodies.add(TestDocs.json(TestDocs.tower()));
        bodies.add(TestDocs.json(TestDocs.majorTower("B-1")));
        for (String path : paths(example, "")) {
            for (String value : VALUES) {
                ObjectNode doc = example.deepCopy();
                replace(doc, path, EXACT.readTree(value));
                bodies.add(TestDocs.json(doc));
            }
            ObjectNode doc = example.deepCopy();
            replace(doc, path, null);
            bodies.add(TestDocs.json(doc));
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            if (at(example, parent) instanceof ObjectNode) {
                ObjectNode extra = example.deepCopy();
                ((ObjectNode) at(extra, parent)).put("correctedOnSiteOrEmpty", 1);
                bodies.add(TestDocs.json(extra));
            }
        }
        String text = TestDocs.json(example);
        bodies.addAll(List.of("", " ", "null", "\"text\"", "7", "[]", "{}", "[" + text + "]", text + " {", text + "}",
                text.substring(0, text.length() / 2), "{\"inspection\":{\"id\":\"A\"},\"inspection\":{\"id\":\"B\"}}",
                text.replaceFirst("\\{", "{\"inspection\": null,"), "[".repeat(40) + "]".repeat(40),
                text.replaceFirst("\"inspection\"", "\"inspection\":{\"a\":" + "[".repeat(40) + "]".repeat(40) + "},\"x\"")));
        int shortcut = 0;
        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Object expected = outcome(() -> reader.read(body.isEmpty() ? null : mapper.readTree(bytes), TODAY, RULE_IDS));
            assertEquals(expected, outcome(() -> reader.read(bytes, 0, bytes.length, TODAY, RULE_IDS)), body);
            // as a batch item: the same bytes inside a larger body, read by offset and length
            byte[] inBatch = ("[{}," + body + ",{}]").getBytes(StandardCharsets.UTF_8);
            assertEquals(expected, outcome(() -> reader.read(inBatch, 4, bytes.length, TODAY, RULE_IDS)), body);
            shortcut += strict.bind(bytes, 0, bytes.length) != null ? 1 : 0;
        }
        for (String valid : bodies.subList(0, 3)) { // the example, a compliant and a major tower: the fast path is taken
            byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
            assertNotNull(strict.bind(bytes, 0, bytes.length), valid);
        }
        assertTrue(bodies.size() > 3000, "bodies: " + bodies.size());
        assertTrue(shortcut > 500, "read in one parse: " + shortcut + " of " + bodies.size());
    }

    @Test
    void aValidDocumentIsReadInOneParse() throws Exception {
        StrictBinding strict = new StrictBinding(mapper);
        byte[] body = TestDocs.json(TestDocs.example()).getBytes(StandardCharsets.UTF_8);
        assertEquals(mapper.treeToValue(mapper.readTree(body), InspectionDocument.class), strict.bind(body, 0, body.length));
        byte[] wrongShape = "{\"inspection\": {\"date\": 20261120}}".getBytes(StandardCharsets.UTF_8);
        assertNull(strict.bind(wrongShape, 0, wrongShape.length));
    }

    private interface Read {
        InspectionDocument read() throws IOException;
    }

    /** The document, the problems, or the unreadable JSON's message, as comparable text. */
    private static String outcome(Read read) {
        try {
            InspectionDocument doc = read.read();
            return "document " + doc;
        } catch (InvalidDocumentException e) {
            return "invalid " + e.violations();
        } catch (JsonProcessingException e) {
            return "unreadable " + e.getClass().getName() + " " + e.getOriginalMessage();
        } catch (IOException e) {
            return "unreadable " + e;
        }
    }

    /** Every node's path below node: "building.floors", "shafts[0]", "shafts[0].kind". */
    private static List<String> paths(JsonNode node, String at) {
        List<String> out = new ArrayList<>();
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String child = at.isEmpty() ? f.getKey() : at + "." + f.getKey();
                out.add(child);
                out.addAll(paths(f.getValue(), child));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(at + "[" + i + "]");
                out.addAll(paths(a.get(i), at + "[" + i + "]"));
            }
        }
        return out;
    }

    private static JsonNode at(JsonNode doc, String path) {
        JsonNode node = doc;
        for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
            int bracket = step.indexOf('[');
            node = bracket < 0 ? node.get(step) : node.get(step.substring(0, bracket)).get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
        }
        return node;
    }

    /** Replaces (or with null, removes) the node at path. */
    private static void replace(JsonNode doc, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? doc : at(doc, path.substring(0, dot));
        String last = path.substring(dot + 1);
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            ArrayNode list = (ArrayNode) (parent.get(last.substring(0, bracket)));
            int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
            if (value == null) {
                list.remove(index);
            } else {
                list.set(index, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
