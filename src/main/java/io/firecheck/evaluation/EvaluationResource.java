package io.firecheck.evaluation;

import io.firecheck.inspection.InspectionDocument;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
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
import java.net.URI;
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
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Inspection documents in, classification, findings and determination out "
        + "(docs/api/inspection-document.md, docs/api/results-and-orders.md)")
public class EvaluationResource {
    private final EvaluationService service;
    private final BatchEvaluations batch;
    private final CurrentCaller caller;

    public EvaluationResource(EvaluationService service, BatchEvaluations batch, CurrentCaller caller) {
        this.service = service;
        this.batch = batch;
        this.caller = caller;
    }

    @POST
    @Path("/evaluations")
    @RolesAllowed(Roles.CLIENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate one inspection document",
            description = "201 with Location for a new inspection id; 200 with the stored result when the same document "
                    + "was posted under that id before; 409 when a different document was; dryRun=true evaluates without "
                    + "storing anything.")
    @APIResponse(responseCode = "201", description = "Evaluated and stored; Location names the stored result",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "200", description = "This inspection id was evaluated before (the stored result), "
            + "or a dry run (nothing stored, id null)", content = @Content(schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid document: violations name every offending JSON path; nothing stored")
    @APIResponse(responseCode = "409", description = "A different document was sent under an inspection id already used")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB")
    @APIResponse(responseCode = "503", description = "The database cannot be reached, or the service holds as many request "
            + "bodies as it may; nothing stored. Retry after Retry-After seconds with the same document")
    // RestResponse<String>, not Response: the answer's writer is then chosen once at build time, not looked up per request
    public RestResponse<String> evaluate(@RequestBody(required = true, content = @Content(schema = @Schema(implementation = InspectionDocument.class)))
                             byte[] body,
                             @Parameter(description = "true: evaluate without storing anything", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                             @QueryParam("dryRun") String dryRun) throws IOException {
        boolean dry = QueryParams.bool("dryRun", dryRun, false);
        // the body was read (and its size limited) on the event loop by BodySizeLimit
        EvaluationService.Outcome outcome = service.evaluate(body, dry, caller.get());
        if (outcome.created()) {
            return RestResponse.ResponseBuilder.<String>created(URI.create("/api/v1/evaluations/" + outcome.id())).entity(outcome.json()).build();
        }
        return RestResponse.ok(outcome.json());
    }

    @POST
    @Path("/evaluations/batch")
    @RolesAllowed(Roles.CLIENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate up to 1,000 documents; one result or one problem per item, in order",
            description = "Each item is stored (or found again by its inspection id) on its own: one bad item does not "
                    + "stop the others. The item count, each item's size and the nesting depth are checked before any "
                    + "document is built (413 or 400).")
    @APIResponse(responseCode = "200", description = "One item per document, in order: a result (status 201 or 200) or a "
            + "problem (status 400, 409 or 503)")
    @APIResponse(responseCode = "400", description = "Not a JSON array of 1 to 1,000 documents, or nested too deeply")
    @APIResponse(responseCode = "413", description = "More than 1,000 items, an item over 1 MiB, or a body over the batch limit (16 MiB)")
    @APIResponse(responseCode = "503", description = "The database cannot be reached, or the service holds as many request "
            + "bodies as it may; retry after Retry-After seconds")
    public List<BatchItem> batch(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                                         implementation = InspectionDocument.class)))
                                 byte[] body,
                                 @Parameter(description = "true: evaluate without storing anything", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                                 @QueryParam("dryRun") String dryRun) throws IOException {
        return batch.evaluate(body, QueryParams.bool("dryRun", dryRun, false), caller.get());
    }

    @GET
    @Path("/evaluations/{id}")
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "One stored evaluation result")
    @APIResponse(responseCode = "200", description = "The stored result",
            content = @Content(schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "404", description = "No evaluation with this id")
    public Response get(@PathParam("id") String id) {
        return QueryParams.uuid(id).flatMap(uuid -> service.find(uuid, caller.get()))
                .map(json -> Response.ok(json).build())
                .orElseGet(() -> Problems.response(404, "Not Found", "no evaluation with id " + id));
    }

    @GET
    @Path("/buildings/{buildingId}/evaluations")
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "A building's evaluations, newest inspection first, paged")
    @APIResponse(responseCode = "200", description = "One page of results")
    @APIResponse(responseCode = "400", description = "page or size is not a whole number in range")
    public EvaluationService.Page ofBuilding(@PathParam("buildingId") String buildingId,
                                             @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
                                             @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
                                             @QueryParam("size") String size) {
        return service.ofBuilding(buildingId, QueryParams.integer("page", page, 0, 0, 1_000_000),
                QueryParams.integer("size", size, 20, 1, 200), caller.get());
    }
}
