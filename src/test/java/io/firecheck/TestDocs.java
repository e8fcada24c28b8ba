package io.firecheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/** Inspection documents for API tests, built from the fixtures' base documents. */
public final class TestDocs {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestDocs() {
    }

    /** The compliant residential tower with a fresh inspection id and the given building id. */
    public static ObjectNode tower(String buildingId) {
        ObjectNode doc = read("test-fixtures/base/residential-tower.json");
        ((ObjectNode) doc.get("inspection")).put("id", "T-" + UUID.randomUUID());
        ((ObjectNode) doc.get("building")).put("id", buildingId);
        return doc;
    }

    public static ObjectNode tower() {
        return tower("B-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The same tower with a sprinkler missing in a building with a shop: a direct major hazard. */
    public static ObjectNode majorTower(String buildingId) {
        ObjectNode doc = tower(buildingId);
        ((ObjectNode) doc.get("fireSystems")).put("sprinkler", "NOT_INSTALLED");
        return doc;
    }

    /** The example document of inspection-document.md, as its fixture holds it. */
    public static ObjectNode example() {
        return (ObjectNode) read("test-fixtures/spec/example-residential-tower.json").get("document");
    }

    public static ObjectNode read(String path) {
        try {
            return (ObjectNode) MAPPER.readTree(Path.of(path).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode at(ObjectNode doc, String section) {
        return (ObjectNode) doc.get(section);
    }

    public static String json(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
