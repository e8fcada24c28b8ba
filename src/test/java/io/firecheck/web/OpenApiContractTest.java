package io.firecheck.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * /q/openapi is the contract a client is generated from: it must show every field and status that
 * docs/api documents, typed, with the spec's descriptions and example, under plain names.
 */
@QuarkusTest
class OpenApiContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path DOCS = Path.of("docs/api");

    private static JsonNode api;

    static JsonNode api() throws IOException {
        if (api == null) {
            api = MAPPER.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        }
        return api;
    }

    @Test
    void everyDocumentedFieldIsInTheOpenApiWithTheSpecsDescription() throws IOException {
        Set<String> missing = new TreeSet<>();
        List<String> undescribed = new ArrayList<>();
        for (Map.Entry<String, String> doc : OpenApiContract.DOCUMENTS.entrySet()) {
            List<ContractDoc.Field> fields = ContractDoc.fields(Files.readString(DOCS.resolve(doc.getValue())));
            for (ContractDoc.Field field : fields) {
                String name = doc.getKey() + ": " + field.path();
                JsonNode property = property(api(), doc.getKey(), field.path());
                if (property == null) {
                    missing.add(name);
                } else if (field.description().isEmpty() && property.path("description").asText().isEmpty()) {
                    // a field of a shared shape (total/damaged) is described where that shape first appears
                    undescribed.add(name + " has no // comment in docs/api");
                } else if (!field.description().isEmpty() && !field.description().equals(property.path("description").asText())) {
                    undescribed.add(name + " has description '" + property.path("description").asText() + "'");
                }
            }
        }
        assertEquals(Set.of(), missing, "documented in docs/api but absent from /q/openapi");
        assertEquals(List.of(), undescribed);
    }

    @Test
    void everyDocumentedStatusIsDeclaredAndEveryErrorIsProblemJson() throws IOException {
        Map<String, List<String>> documented = ContractDoc.statuses(Files.readString(DOCS.resolve("results-and-orders.md")));
        assertTrue(documented.size() >= 14, "the HTTP API table was read: " + documented.keySet());
        List<String> wrong = new ArrayList<>();
        documented.forEach((operation, statuses) -> {
            String[] methodAndPath = operation.split(" ");
            JsonNode op = api.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
            if (op.isMissingNode()) {
                wrong.add(operation + " is not in the OpenAPI");
                return;
            }
            for (String status : statuses) {
                JsonNode content = op.path("responses").path(status).path("content");
                if (!op.path("responses").has(status)) {
                    wrong.add(operation + " lacks " + status);
                } else if (status.compareTo("400") >= 0 && !content.path(Problem.MEDIA_TYPE).path("schema").has("$ref")) {
                    wrong.add(operation + " " + status + " has no problem+json schema");
                } else if (status.startsWith("2") && !typed(content.path("application/json").path("schema"))) {
                    wrong.add(operation + " " + status + " has no typed JSON body: " + content);
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void tagsSchemasAndParametersHavePlainNamesAndTypes() throws IOException {
        api();
        Set<String> tags = new TreeSet<>();
        // /api/test-only: a resource that a security test adds to the test build only
        api.path("paths").fields().forEachRemaining(item -> {
            if (!item.getKey().startsWith("/api/test-only/")) {
                item.getValue().forEach(op -> op.path("tags").forEach(t -> tags.add(t.asText())));
            }
        });
        assertEquals(Set.of("Audit", "Evaluations", "Reports", "Rules", "Supervision orders"), tags);
        List<String> odd = new ArrayList<>();
        api.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (name.matches(".*\\d") || name.startsWith("Json")) {
                odd.add(name);
            }
        });
        assertEquals(List.of(), odd, "generated or Jackson-internal schema names");
        assertEquals("boolean", parameter("/api/v1/evaluations", "post", "dryRun").path("schema").path("type").asText());
        assertEquals("boolean", parameter("/api/v1/supervision-orders", "get", "overdue").path("schema").path("type").asText());
        assertEquals("integer", parameter("/api/v1/supervision-orders", "get", "size").path("schema").path("type").asText());
        assertTrue(parameter("/api/v1/reports/hazards", "get", "format").path("schema").path("enum").toString().contains("csv"));
    }

    @Test
    void theRequestExampleIsTheSpecsExampleDocument() throws IOException {
        JsonNode example = MAPPER.readTree(DOCS.resolve(OpenApiContract.EXAMPLE).toFile());
        JsonNode body = api().path("paths").path("/api/v1/evaluations").path("post").path("requestBody").path("content")
                .path("application/json");
        assertEquals(example, body.path("example"));
        assertEquals("#/components/schemas/InspectionDocument", body.path("schema").path("$ref").asText());
        assertEquals(example, api.path("paths").path("/api/v1/evaluations/batch").path("post").path("requestBody")
                .path("content").path("application/json").path("example").path(0));
    }

    private static JsonNode parameter(String path, String method, String name) {
        for (JsonNode p : api.path("paths").path(path).path(method).path("parameters")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError(method + " " + path + " has no parameter " + name);
    }

    /** A JSON body a client can generate a type from: a schema reference, or an array of them. */
    private static boolean typed(JsonNode schema) {
        return schema.has("$ref") || schema.path("items").has("$ref");
    }

    /** The property at a documented path, following $refs and array items; null when absent. */
    static JsonNode property(JsonNode api, String root, String path) {
        JsonNode schemas = api.path("components").path("schemas");
        JsonNode current = schemas.path(root);
        JsonNode property = null;
        for (String segment : path.split("\\.")) {
            property = current.path("properties").get(segment.replace("[]", ""));
            if (property == null) {
                return null;
            }
            JsonNode target = property.has("items") ? property.path("items") : property;
            current = target.has("$ref") ? schemas.path(target.path("$ref").asText().replace("#/components/schemas/", "")) : target;
        }
        return property;
    }
}
