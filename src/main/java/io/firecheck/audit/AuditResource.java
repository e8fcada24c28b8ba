package io.firecheck.audit;

import io.firecheck.security.Roles;
import io.firecheck.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, read-only: there is no endpoint that changes or deletes an entry. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The append-only audit log of writes and refused writes")
public class AuditResource {
    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Every write and every refused write, oldest first, paged; filter by time (from inclusive, to exclusive), actor and type")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(schema = @Schema(implementation = AuditLog.Page.class)))
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid; violations name it")
    public AuditLog.Page list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
                              @QueryParam("type") String type, @QueryParam("page") String page, @QueryParam("size") String size) {
        AuditLog.Filter filter = new AuditLog.Filter(instant("from", from), instant("to", to), QueryParams.blankToNull(actor),
                QueryParams.enumValue("type", type, AuditAction.class));
        return log.page(filter, QueryParams.integer("page", page, 0, 0, 1_000_000), QueryParams.integer("size", size, 50, 1, 500));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw QueryParams.invalid(name, "must be an instant such as 2026-11-29T08:00:00Z");
        }
    }
}
