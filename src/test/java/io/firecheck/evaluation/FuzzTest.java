package io.firecheck.evaluation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.firecheck.inspection.InspectionDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and unusual input never gets a 5xx: the spec's example mutated (wrong types, extreme numbers, deep
 * nesting, odd Unicode, missing, null and extra fields) and raw bodies corrupted (truncated, bytes changed,
 * not UTF-8, duplicate keys). At least 2,000 inputs per run, from a seed printed with any failure; set
 * -Dfuzz.seed=… to replay one run. Mutated documents go through the batch endpoint as dry runs (storage adds
 * nothing to most of them); a share is stored, one at a time, and the raw bodies are posted one at a time.
 */
@QuarkusTest
class FuzzTest {
    static final int DOCUMENTS = 2000;
    static final int BATCH = 250;
    static final int STORED = 60;
    static final int RAW = 100;
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String[] ODD_TEXT = {"\u0000", "\ud800", "\udfff\ud800", "\u202e‮RTL", "\ufeff", "e\u0301\u0301\u0301",
        "😀🏳️‍🌈", "\u2028\u2029", "楼".repeat(3000), "x".repeat(20_000), "", " ", "\\", "\"", "<script>", "=1+2", "%00", "\t\n"};
    static final String[] NUMBERS = {"1e308", "-1e308", "1e400", "-0", "0.0000000000000000000001", "9223372036854775808",
        "-9223372036854775809", "1" + "0".repeat(90), "3.4028235E39", "4.9E-324", "-1", "2147483648", "0.5"};

    final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    final Random random = new Random(seed);
    final ObjectNode example = TestDocs.example();
    final List<String> paths = paths();

    private List<String> paths() {
        List<String> out = new ArrayList<>();
        AbsentFieldsTest.collect(example, "", InspectionDocument.class, out);
        return out;
    }

    @Test
    void noInputGetsA5xx() {
        int inputs = 0;
        for (int done = 0; done < DOCUMENTS; done += BATCH) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                items.add(TestDocs.json(mutated()));
            }
            Response r = given().contentType(ContentType.JSON).body("[" + String.join(",", items) + "]")
                    .post("/api/v1/evaluations/batch?dryRun=true");
            assertEquals(200, r.statusCode(), "seed " + seed + ": " + r.asString());
            List<Map<String, Object>> answers = r.path("$");
            for (int i = 0; i < answers.size(); i++) {
                int status = (Integer) answers.get(i).get("status");
                if (status >= 500 || status >= 400 && answers.get(i).get("problem") == null) {
                    fail("seed " + seed + ": item answered " + status + ": " + items.get(i) + " -> " + answers.get(i));
                }
            }
            inputs += answers.size();
        }
        for (int i = 0; i < STORED; i++) {
            ObjectNode doc = mutated();
            if (doc.path("inspection").isObject()) {
                ((ObjectNode) doc.get("inspection")).put("id", "FUZZ-" + seed + "-" + i);
            }
            check(TestDocs.json(doc).getBytes(StandardCharsets.UTF_8));
            inputs++;
        }
        for (int i = 0; i < RAW; i++) {
            check(raw());
            inputs++;
        }
        assertTrue(inputs >= 2000, "inputs: " + inputs);
    }

    private void check(byte[] body) {
        Response r = given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations");
        String input = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
        if (r.statusCode() >= 500 || r.statusCode() >= 400 && !"application/problem+json".equals(r.contentType())) {
            fail("seed " + seed + ": " + r.statusCode() + " " + r.asString() + " for " + input);
        }
    }

    /** The example with one to three mutations at random paths. */
    ObjectNode mutated() {
        ObjectNode doc = example.deepCopy();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            String parentPath = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            JsonNode parent = parentPath.isEmpty() ? doc : AbsentFieldsTest.at(doc, parentPath);
            String field = path.substring(path.lastIndexOf('.') + 1);
            if (!(parent instanceof ObjectNode obj) || field.endsWith("]")) {
                continue; // already replaced by an earlier mutation, or a list element
            }
            switch (random.nextInt(9)) {
                case 0 -> obj.remove(field);
                case 1 -> obj.putNull(field);
                case 2 -> obj.set(field, wrongType());
                case 3 -> obj.set(field, F.numberNode(new BigDecimal(NUMBERS[random.nextInt(NUMBERS.length)])));
                case 4 -> obj.put(field, ODD_TEXT[random.nextInt(ODD_TEXT.length)]);
                case 5 -> obj.set(field, nested(1 + random.nextInt(20))); // deeper than the limit: raw()
                case 6 -> obj.put(ODD_TEXT[random.nextInt(ODD_TEXT.length)] + "extra", random.nextInt());
                case 7 -> obj.set(field, F.numberNode(random.nextLong()));
                default -> obj.set(field, F.arrayNode().add(obj.get(field)).add(obj.get(field)));
            }
        }
        return doc;
    }

    private JsonNode wrongType() {
        return switch (random.nextInt(5)) {
            case 0 -> F.textNode("true");
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.arrayNode();
            case 3 -> F.objectNode().put("total", "many");
            default -> F.numberNode(random.nextDouble() * 1e6);
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode node = F.objectNode();
        for (int i = 0; i < depth; i++) {
            ArrayNode a = F.arrayNode();
            a.add(node);
            node = a;
        }
        return node;
    }

    /** A raw body: the example (or a mutation of it) corrupted at the byte level. */
    byte[] raw() {
        byte[] doc = TestDocs.json(random.nextBoolean() ? example : mutated()).getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(8)) {
            case 0 -> java.util.Arrays.copyOf(doc, random.nextInt(doc.length));
            case 1 -> {
                byte[] b = doc.clone();
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                yield b;
            }
            case 2 -> ("{\"inspection\":{\"id\":\"A\"},\"inspection\":{\"id\":\"B\"}}").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("[".repeat(random.nextInt(5000)) + new String(doc, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'};
            case 5 -> random.nextBoolean() ? "null".getBytes(StandardCharsets.UTF_8) : "\"text\"".getBytes(StandardCharsets.UTF_8);
            case 6 -> (new String(doc, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"a\":\"\\\\ud800\",")).getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] b = new byte[random.nextInt(200)];
                random.nextBytes(b);
                yield b;
            }
        };
    }
}
