package io.firecheck.preview;

import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.rules.RuleBook;
import io.firecheck.rules.ReloadProblem;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rules/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class RulePreviewResource {
    private final RulePreviewService previews;
    private final PreviewApply applier;
    private final RuleBook ruleBook;
    private final CurrentCaller caller;

    public RulePreviewResource(RulePreviewService previews, PreviewApply applier, RuleBook ruleBook, CurrentCaller caller) {
        this.previews = previews;
        this.applier = applier;
        this.ruleBook = ruleBook;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RULE_AUTHOR)
    @Operation(summary = "Preview a rule change: re-evaluate the latest stored inspection of every building with a candidate "
            + "rule folder, storing nothing",
            description = "The candidate is the rules folder on disk as it is now (no files), or the uploaded files. It is "
                    + "compiled at once; the re-evaluation runs as a job: poll the Location for done/total and, at the end, "
                    + "the result. Buildings outside the token's jurisdiction are not looked at.")
    @APIResponse(responseCode = "202", description = "The job started; Location is where to poll it",
            content = @Content(schema = @Schema(implementation = PreviewJob.class)))
    @APIResponse(responseCode = "400", description = "files or jurisdiction cannot be used; each named in violations")
    @APIResponse(responseCode = "409", description = "This instance holds as many previews as it takes; retry after Retry-After seconds")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MiB")
    @APIResponse(responseCode = "422", description = "The candidate does not compile: each error with file, line and message",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ReloadProblem.class)))
    public Response start(@RequestBody(content = @Content(schema = @Schema(implementation = PreviewRequest.class)))
                          PreviewRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        try {
            PreviewJob job = previews.start(request, caller.get());
            return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
        } catch (RuleSetInvalidException e) {
            return ReloadProblem.notCompiling("Candidate rule set does not compile",
                    e.problems().size() + " error(s) in the candidate rules; nothing was evaluated", ruleBook.current().version(),
                    e.problems()).response();
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.RULE_AUTHOR)
    @Operation(summary = "A preview job: status, done of total, and when DONE the buildings whose result would change")
    @APIResponse(responseCode = "200", description = "The job as it stands",
            content = @Content(schema = @Schema(implementation = PreviewJob.class)))
    @APIResponse(responseCode = "404", description = "No such preview (or one of buildings outside the token's jurisdiction); "
            + "previews are kept for a day")
    public Response get(@PathParam("id") String id) {
        Optional<PreviewJob> job = QueryParams.uuid(id).flatMap(u -> previews.find(u, caller.get()));
        return job.map(j -> Response.ok(j).build()).orElseGet(() -> Problems.response(404, "Not Found", "no rule preview " + id));
    }

    @POST
    @Path("/{id}/apply")
    @RolesAllowed(Roles.RULE_AUTHOR)
    @Operation(summary = "Apply a finished preview: its candidate files become the cluster's rule set, as a reload would make them",
            description = "Exactly the files the preview compared (for a change of thresholds: the set serving then, with "
                    + "those values), compiled and gated by the fixtures, recorded in the reload history and the audit log under "
                    + "the token's name, and published to every instance. Refused while another set serves than the one the "
                    + "preview compared with: nobody applies an impact they did not see.")
    @APIResponse(responseCode = "200", description = "ACTIVATED (the candidate serves on every instance) or UNCHANGED",
            content = @Content(schema = @Schema(implementation = io.firecheck.rules.ReloadOutcome.class)))
    @APIResponse(responseCode = "404", description = "No such preview (or one the token may not see)")
    @APIResponse(responseCode = "409", description = "The preview has not finished, its files kept are missing or not those it "
            + "compared, another rule set serves since it started (preview again), or another reload is running")
    @APIResponse(responseCode = "422", description = "The candidate does not compile or fixtures fail under it; the active set keeps serving",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ReloadProblem.class)))
    public Response apply(@PathParam("id") String id) {
        return QueryParams.uuid(id).flatMap(u -> applier.apply(u, caller.get())).map(o -> Response.ok(o.accepted()).build())
                .orElseGet(() -> Problems.response(404, "Not Found", "no rule preview " + id));
    }
}
