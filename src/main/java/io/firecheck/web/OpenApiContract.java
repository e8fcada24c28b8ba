package io.firecheck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the generated OpenAPI from the contract in docs/api, so the two cannot drift: each documented
 * field gets its comment from the spec as description, the evaluation endpoints get the spec's example
 * document as request example, and every error status declared on a resource gets the problem+json body.
 * Field types, statuses and tags stay on the code (records and resource annotations).
 */
public class OpenApiContract implements OASFilter {
    /** Schema name of each documented document, and the docs/api file that shows it. */
    static final Map<String, String> DOCUMENTS = Map.of(
            "InspectionDocument", "inspection-document.md",
            "EvaluationResult", "results-and-orders.md",
            "RulePreview", "rule-preview.md");
    static final String EXAMPLE = "examples/inspection-residential-tower.json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        DOCUMENTS.forEach((root, file) -> {
            for (ContractDoc.Field field : ContractDoc.fields(ContractDoc.read(file))) {
                Schema property = property(schemas, root, field.path());
                if (property != null && property.getDescription() == null && !field.description().isEmpty()) {
                    property.setDescription(field.description());
                }
            }
        });
        Object example = example();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            if (method == PathItem.HttpMethod.POST && path.startsWith("/api/v1/evaluations")) {
                requestExample(op, path.endsWith("/batch") ? List.of(example) : example);
            }
            problemBodies(op);
        }));
    }

    /** The property at a documented path ("shafts[].kind"), following $refs and array items; null when absent. */
    static Schema property(Map<String, Schema> schemas, String root, String path) {
        Schema current = schemas.get(root);
        Schema property = null;
        for (String segment : path.split("\\.")) {
            if (current == null || current.getProperties() == null) {
                return null;
            }
            property = current.getProperties().get(segment.replace("[]", ""));
            current = property == null ? null : resolve(schemas, property);
        }
        return property;
    }

    private static Schema resolve(Map<String, Schema> schemas, Schema schema) {
        Schema s = schema.getItems() != null ? schema.getItems() : schema;
        if (s.getRef() != null) {
            return schemas.get(s.getRef().substring(s.getRef().lastIndexOf('/') + 1));
        }
        return s;
    }

    private static void requestExample(Operation op, Object example) {
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            MediaType json = op.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            if (json != null) {
                json.setExample(example);
            }
        }
    }

    /** A declared 4xx/5xx without a body of its own answers with RFC 9457 problem+json, as every error does. */
    private static void problemBodies(Operation op) {
        if (op.getResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> e : op.getResponses().getAPIResponses().entrySet()) {
            if (e.getKey().compareTo("400") >= 0 && e.getValue().getContent() == null) {
                e.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
            }
        }
    }

    private static Object example() {
        try {
            return new ObjectMapper().readValue(ContractDoc.read(EXAMPLE), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
