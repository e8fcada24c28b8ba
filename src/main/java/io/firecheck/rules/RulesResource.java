package io.firecheck.rules;

import io.firecheck.config.ThisInstance;
import io.firecheck.engine.RuleInfo;
import io.firecheck.engine.RuleSet;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.firecheck.web.Problem;
import io.firecheck.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "The active rule set read from rules/, safe reload and its history")
public class RulesResource {
    private final RuleBook ruleBook;
    private final RuleReloader reloader;
    private final CurrentCaller caller;

    public RulesResource(RuleBook ruleBook, RuleReloader reloader, CurrentCaller caller) {
        this.ruleBook = ruleBook;
        this.reloader = reloader;
        this.caller = caller;
    }

    /**
     * The set this instance serves. {@code instance} names the instance that answered; {@code problem} says why
     * it does not serve the cluster's newest set (null when it does).
     */
    @Schema(name = "RuleCatalogue")
    public record Catalogue(String version, Instant loadedAt, String loadedBy, String directory, List<String> files,
                            int ruleCount, List<RuleInfo> rules, Map<String, String> thresholds, String instance,
                            String problem) {
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.RULE_AUTHOR, Roles.AUDITOR})
    @Operation(summary = "The active rule set: version, when and from which files it was loaded, every rule's metadata, the thresholds")
    @APIResponse(responseCode = "200", description = "The active rule set")
    public Catalogue catalogue() {
        RuleBook.Active active = ruleBook.active();
        RuleSet set = active.set();
        return new Catalogue(set.version(), set.loadedAt(), active.loadedBy(), set.directory(), set.files(),
                set.catalogue().size(), List.copyOf(set.catalogue().values()), set.thresholds().asMap(), ThisInstance.NAME,
                ruleBook.problem());
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.RULE_AUTHOR)
    @Operation(summary = "Recompile rules/, replay the fixtures, and swap only if both succeed; 422 otherwise",
            description = "Recorded under the token's name in the reload history and the audit log. One reload "
                    + "compiles at a time: a request while one runs gets 409 with Retry-After.")
    @APIResponse(responseCode = "200", description = "ACTIVATED (the new set serves) or UNCHANGED",
            content = @Content(schema = @Schema(implementation = ReloadOutcome.class)))
    @APIResponse(responseCode = "409", description = "Another reload is running (retry after Retry-After seconds), or "
            + "another instance accepted a rule set while this one compiled: nothing changed, reload again to compare with it")
    @APIResponse(responseCode = "422", description = "The folder does not compile, or fixtures fail under it: each error "
            + "with file, line and message; the active set keeps serving",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ReloadProblem.class)))
    public Response reload() {
        return Response.ok(reloader.reloadUnlessBusy(caller.get()).accepted()).build();
    }

    @GET
    @Path("/reloads")
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.AUDITOR})
    @Operation(summary = "Reload history, newest first: version, time, who, outcome, errors")
    @APIResponse(responseCode = "200", description = "The latest attempts")
    @APIResponse(responseCode = "400", description = "limit is not a whole number from 1 to 1000")
    public List<RuleReloader.Attempt> reloads(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        return reloader.history(QueryParams.integer("limit", limit, 50, 1, 1000));
    }
}
