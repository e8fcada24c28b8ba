package io.firecheck.evaluation;

import io.firecheck.inspection.InspectionDocument;
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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {
    private final EvaluationService service;

    public EvaluationResource(EvaluationService service) {
        this.service = service;
    }

    @POST
    @Path("/evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate one inspection document",
            description = "201 with Location for a new inspection id; 200 with the stored result when the id was seen before; "
                    + "dryRun=true evaluates without storing anything.")
    public Response evaluate(@RequestBody(required = true) InspectionDocument doc, @QueryParam("dryRun") String dryRun) {
        EvaluationService.Outcome outcome = service.evaluate(doc, QueryParams.bool("dryRun", dryRun, false));
        if (outcome.created()) {
            return Response.created(URI.create("/api/v1/evaluations/" + outcome.id())).entity(outcome.json()).build();
        }
        return Response.ok(outcome.json()).build();
    }

    @GET
    @Path("/evaluations/{id}")
    @Operation(summary = "One stored evaluation result")
    public Response get(@PathParam("id") String id) {
        return uuid(id).flatMap(service::find)
                .map(json -> Response.ok(json).build())
                .orElseGet(() -> Problems.response(404, "Not Found", "no evaluation with id " + id));
    }

    @GET
    @Path("/buildings/{buildingId}/evaluations")
    @Operation(summary = "A building's evaluations, newest inspection first, paged")
    public EvaluationService.Page ofBuilding(@PathParam("buildingId") String buildingId,
                                             @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.ofBuilding(buildingId, QueryParams.integer("page", page, 0, 0, 1_000_000),
                QueryParams.integer("size", size, 20, 1, 200));
    }

    private static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
