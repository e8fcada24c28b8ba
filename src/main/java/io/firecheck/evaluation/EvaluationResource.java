package io.firecheck.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.inspection.InvalidDocumentException;
import io.firecheck.web.BodySizeLimit;
import io.firecheck.web.LimitedBody;
import io.firecheck.web.Problem;
import io.firecheck.web.Problems;
import io.firecheck.web.QueryParams;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Inspection documents in, classification, findings and determination out "
        + "(docs/api/inspection-document.md, docs/api/results-and-orders.md)")
public class EvaluationResource {
    private final EvaluationService service;
    private final ObjectMapper mapper;

    public EvaluationResource(EvaluationService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Path("/evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate one inspection document",
            description = "201 with Location for a new inspection id; 200 with the stored result when the id was seen before; "
                    + "dryRun=true evaluates without storing anything.")
    @APIResponse(responseCode = "201", description = "Evaluated and stored; Location names the stored result",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "200", description = "This inspection id was evaluated before (the stored result), "
            + "or a dry run (nothing stored, id null)", content = @Content(schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid document: violations name every offending JSON path; nothing stored")
    @APIResponse(responseCode = "409", description = "A different document was sent under an inspection id already used")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB")
    @APIResponse(responseCode = "503", description = "The database cannot be reached; nothing stored. Retry after Retry-After "
            + "seconds with the same document")
    public Response evaluate(@RequestBody(required = true, content = @Content(schema = @Schema(implementation = InspectionDocument.class)))
                             InputStream body,
                             @Parameter(description = "true: evaluate without storing anything", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                             @QueryParam("dryRun") String dryRun) throws IOException {
        boolean dry = QueryParams.bool("dryRun", dryRun, false);
        byte[] bytes = LimitedBody.read(body, BodySizeLimit.SINGLE_LIMIT);
        JsonNode tree = bytes.length == 0 ? null : mapper.readTree(bytes);
        EvaluationService.Outcome outcome = service.evaluate(tree, dry);
        if (outcome.created()) {
            return Response.created(URI.create("/api/v1/evaluations/" + outcome.id())).entity(outcome.json()).build();
        }
        return Response.ok(outcome.json()).build();
    }

    static final int BATCH_LIMIT = 1000;

    @POST
    @Path("/evaluations/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate up to 1,000 documents; one result or one problem per item, in order",
            description = "Each item is stored (or found again by its inspection id) on its own: one bad item does not "
                    + "stop the others.")
    @APIResponse(responseCode = "200", description = "One item per document, in order: a result (status 201 or 200) or a "
            + "problem (status 400)")
    @APIResponse(responseCode = "400", description = "Not a JSON array of 1 to 1,000 documents")
    @APIResponse(responseCode = "413", description = "The body is larger than the batch limit (16 MiB)")
    @APIResponse(responseCode = "503", description = "The database cannot be reached; retry after Retry-After seconds")
    public List<BatchItem> batch(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                                         implementation = InspectionDocument.class, maxItems = BATCH_LIMIT)))
                                 List<JsonNode> documents,
                                 @Parameter(description = "true: evaluate without storing anything", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                                 @QueryParam("dryRun") String dryRun) {
        if (documents == null || documents.isEmpty() || documents.size() > BATCH_LIMIT) {
            throw QueryParams.invalid("$", "must be a JSON array of 1 to " + BATCH_LIMIT + " inspection documents");
        }
        boolean dry = QueryParams.bool("dryRun", dryRun, false);
        List<BatchItem> out = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            out.add(batchItem(i, documents.get(i), dry));
        }
        return out;
    }

    private BatchItem batchItem(int index, JsonNode node, boolean dryRun) {
        try {
            EvaluationService.Outcome o = service.evaluate(node, dryRun);
            return new BatchItem(index, o.created() ? 201 : 200,
                    o.created() ? "/api/v1/evaluations/" + o.id() : null, o.json(), null);
        } catch (InvalidDocumentException e) {
            return new BatchItem(index, 400, null, null, new Problem("/problems/invalid-input", "Invalid inspection document",
                    400, e.violations().size() + " invalid field(s) in item " + index, null, e.violations()));
        }
    }

    @GET
    @Path("/evaluations/{id}")
    @Operation(summary = "One stored evaluation result")
    @APIResponse(responseCode = "200", description = "The stored result",
            content = @Content(schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "404", description = "No evaluation with this id")
    public Response get(@PathParam("id") String id) {
        return QueryParams.uuid(id).flatMap(service::find)
                .map(json -> Response.ok(json).build())
                .orElseGet(() -> Problems.response(404, "Not Found", "no evaluation with id " + id));
    }

    @GET
    @Path("/buildings/{buildingId}/evaluations")
    @Operation(summary = "A building's evaluations, newest inspection first, paged")
    @APIResponse(responseCode = "200", description = "One page of results")
    @APIResponse(responseCode = "400", description = "page or size is not a whole number in range")
    public EvaluationService.Page ofBuilding(@PathParam("buildingId") String buildingId,
                                             @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
                                             @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
                                             @QueryParam("size") String size) {
        return service.ofBuilding(buildingId, QueryParams.integer("page", page, 0, 0, 1_000_000),
                QueryParams.integer("size", size, 20, 1, 200));
    }
}
