package io.firecheck.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.inspection.InvalidDocumentException;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.OutOfJurisdictionException;
import io.firecheck.security.Roles;
import io.firecheck.web.BodySizeLimit;
import io.firecheck.web.LimitedBody;
import io.firecheck.web.Problem;
import io.firecheck.web.Problems;
import io.firecheck.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {
    private final EvaluationService service;
    private final ObjectMapper mapper;
    private final CurrentCaller caller;

    public EvaluationResource(EvaluationService service, ObjectMapper mapper, CurrentCaller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @Path("/evaluations")
    @RolesAllowed(Roles.CLIENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate one inspection document",
            description = "201 with Location for a new inspection id; 200 with the stored result when the id was seen before; "
                    + "dryRun=true evaluates without storing anything.")
    public Response evaluate(@RequestBody(required = true, content = @Content(schema = @Schema(implementation = InspectionDocument.class)))
                             InputStream body, @QueryParam("dryRun") String dryRun) throws IOException {
        boolean dry = QueryParams.bool("dryRun", dryRun, false);
        byte[] bytes = LimitedBody.read(body, BodySizeLimit.SINGLE_LIMIT);
        JsonNode tree = bytes.length == 0 ? null : mapper.readTree(bytes);
        EvaluationService.Outcome outcome = service.evaluate(tree, dry, caller.get());
        if (outcome.created()) {
            return Response.created(URI.create("/api/v1/evaluations/" + outcome.id())).entity(outcome.json()).build();
        }
        return Response.ok(outcome.json()).build();
    }

    static final int BATCH_LIMIT = 1000;

    @POST
    @Path("/evaluations/batch")
    @RolesAllowed(Roles.CLIENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate up to 1,000 documents; one result or one problem per item, in order",
            description = "Each item is stored (or found again by its inspection id) on its own: one bad item does not "
                    + "stop the others.")
    public List<BatchItem> batch(List<JsonNode> documents, @QueryParam("dryRun") String dryRun) {
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
            EvaluationService.Outcome o = service.evaluate(node, dryRun, caller.get());
            return new BatchItem(index, o.created() ? 201 : 200,
                    o.created() ? "/api/v1/evaluations/" + o.id() : null, o.json(), null);
        } catch (InvalidDocumentException e) {
            return new BatchItem(index, 400, null, null, new Problem("/problems/invalid-input", "Invalid inspection document",
                    400, e.violations().size() + " invalid field(s) in item " + index, null, e.violations()));
        } catch (OutOfJurisdictionException e) {
            return new BatchItem(index, 403, null, null, new Problem("about:blank", "Forbidden", 403, e.getMessage(), null, null));
        }
    }

    @GET
    @Path("/evaluations/{id}")
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "One stored evaluation result")
    public Response get(@PathParam("id") String id) {
        return QueryParams.uuid(id).flatMap(uuid -> service.find(uuid, caller.get()))
                .map(json -> Response.ok(json).build())
                .orElseGet(() -> Problems.response(404, "Not Found", "no evaluation with id " + id));
    }

    @GET
    @Path("/buildings/{buildingId}/evaluations")
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "A building's evaluations, newest inspection first, paged")
    public EvaluationService.Page ofBuilding(@PathParam("buildingId") String buildingId,
                                             @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.ofBuilding(buildingId, QueryParams.integer("page", page, 0, 0, 1_000_000),
                QueryParams.integer("size", size, 20, 1, 200), caller.get());
    }
}
