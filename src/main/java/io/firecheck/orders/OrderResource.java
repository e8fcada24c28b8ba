package io.firecheck.orders;

import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.firecheck.web.Problems;
import io.firecheck.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/supervision-orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {
    private final OrderService orders;
    private final CurrentCaller caller;

    public OrderResource(OrderService orders, CurrentCaller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Supervision orders, newest first; filter by status, jurisdiction, buildingId, overdue")
    public OrderViews.Page list(@QueryParam("status") String status, @QueryParam("jurisdiction") String jurisdiction,
                                @QueryParam("buildingId") String buildingId, @QueryParam("overdue") String overdue,
                                @QueryParam("page") String page, @QueryParam("size") String size) {
        OrderService.Filter filter = new OrderService.Filter(status(status), QueryParams.blankToNull(jurisdiction),
                QueryParams.blankToNull(buildingId), overdue == null || overdue.isEmpty() ? null : QueryParams.bool("overdue", overdue, false));
        return orders.list(filter, QueryParams.integer("page", page, 0, 0, 1_000_000), QueryParams.integer("size", size, 20, 1, 200),
                caller.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "One order with its hazards, linked evaluations, hazard history and transitions")
    public Response get(@PathParam("id") String id) {
        return QueryParams.uuid(id).flatMap(uuid -> orders.find(uuid, caller.get())).map(d -> Response.ok(d).build())
                .orElseGet(() -> Problems.response(404, "Not Found", "no supervision order with id " + id));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the order one step: OPEN → RECTIFYING → PENDING_ACCEPTANCE → CLOSED; 409 otherwise",
            description = "Recorded under the token's name. Closing (销案) needs the supervisor role.")
    public OrderViews.Detail transition(@PathParam("id") String id, @Valid TransitionRequest request) {
        if (request == null) {
            throw QueryParams.invalid("$", "a JSON body {\"to\": …, \"note\": …} is required");
        }
        return orders.transition(requireUuid(id), request, caller.get());
    }

    @PUT
    @Path("/{id}/measures")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the owner's written rectification plan, responsibility, measures, funding and interim measures")
    public OrderViews.Detail measures(@PathParam("id") String id, @Valid OrderViews.Measures measures) {
        if (measures == null) {
            throw QueryParams.invalid("$", "a JSON body with the measures is required");
        }
        return orders.recordMeasures(requireUuid(id), measures, caller.get());
    }

    private static OrderStatus status(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw QueryParams.invalid("status", "must be one of " + Arrays.toString(OrderStatus.values()));
        }
    }

    private static UUID requireUuid(String id) {
        return QueryParams.uuid(id).orElseThrow(() -> new OrderNotFoundException(id));
    }
}
