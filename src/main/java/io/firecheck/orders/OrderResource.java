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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/supervision-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision orders", description = "挂牌督办: opened by a MAJOR_HAZARD evaluation, OPEN → RECTIFYING → "
        + "PENDING_ACCEPTANCE → CLOSED, every step recorded")
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
    @APIResponse(responseCode = "200", description = "One page of orders")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid; violations name it")
    public OrderViews.Page list(@Parameter(schema = @Schema(implementation = OrderStatus.class)) @QueryParam("status") String status,
                                @Parameter(description = "the area and its sub-areas: 越秀区 covers 越秀区·北京街道")
                                @QueryParam("jurisdiction") String jurisdiction,
                                @QueryParam("buildingId") String buildingId,
                                @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
                                @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
                                @QueryParam("page") String page,
                                @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
                                @QueryParam("size") String size) {
        OrderService.Filter filter = new OrderService.Filter(
                QueryParams.enumValue("status", status, OrderStatus.class), QueryParams.area(jurisdiction),
                QueryParams.blankToNull(buildingId), overdue == null || overdue.isEmpty() ? null : QueryParams.bool("overdue", overdue, false));
        return orders.list(filter, QueryParams.integer("page", page, 0, 0, 1_000_000), QueryParams.integer("size", size, 20, 1, 200),
                caller.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "One order with its hazards, linked evaluations, hazard history and transitions")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderViews.Detail.class)))
    @APIResponse(responseCode = "404", description = "No supervision order with this id")
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
    @APIResponse(responseCode = "200", description = "The order after the transition")
    @APIResponse(responseCode = "400", description = "The body is invalid; violations name the field")
    @APIResponse(responseCode = "404", description = "No supervision order with this id")
    @APIResponse(responseCode = "409", description = "The lifecycle forbids this transition, or the owner's written measures "
            + "are incomplete for RECTIFYING")
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
    @APIResponse(responseCode = "200", description = "The order with the measures recorded")
    @APIResponse(responseCode = "400", description = "The body is invalid; violations name the field")
    @APIResponse(responseCode = "404", description = "No supervision order with this id")
    @APIResponse(responseCode = "409", description = "The order is closed")
    public OrderViews.Detail measures(@PathParam("id") String id, @Valid OrderViews.Measures measures) {
        if (measures == null) {
            throw QueryParams.invalid("$", "a JSON body with the measures is required");
        }
        return orders.recordMeasures(requireUuid(id), measures, caller.get());
    }

    private static UUID requireUuid(String id) {
        return QueryParams.uuid(id).orElseThrow(() -> new OrderNotFoundException(id));
    }
}
