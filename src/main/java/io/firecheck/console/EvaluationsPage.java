package io.firecheck.console;

import io.firecheck.engine.Explanation;
import io.firecheck.evaluation.EvaluationResponse;
import io.firecheck.evaluation.EvaluationService;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.firecheck.web.QueryParams;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** 检查结果: a building's history of results, and one result explained in Chinese sentences. */
@Path("/evaluations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
public class EvaluationsPage {
    static final int PAGE_SIZE = 25;
    static final int RECENT = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String buildingId, List<EvaluationResponse> items, long total, Pager pager);

        static native TemplateInstance detail(EvaluationResponse result, List<String> sentences);
    }

    private final EvaluationService evaluations;
    private final CurrentCaller caller;

    public EvaluationsPage(EvaluationService evaluations, CurrentCaller caller) {
        this.evaluations = evaluations;
        this.caller = caller;
    }

    /** With a building: its history, newest first. Without: the newest results in the user's scope. */
    @GET
    public TemplateInstance list(@QueryParam("buildingId") String buildingId, @QueryParam("page") String pageParam) {
        String building = QueryParams.blankToNull(buildingId);
        if (building == null) {
            List<EvaluationResponse> recent = evaluations.recent(RECENT, caller.get());
            return Templates.list(null, recent, recent.size(), new Pager(0, 1));
        }
        int page = QueryParams.integer("page", pageParam, 0, 0, 1_000_000);
        EvaluationService.History history = evaluations.historyOf(building.strip(), page, PAGE_SIZE, caller.get());
        return Templates.list(building.strip(), history.items(), history.total(), Pager.of(page, history.total(), PAGE_SIZE));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        EvaluationResponse result = QueryParams.uuid(id).flatMap(uuid -> evaluations.view(uuid, caller.get()))
                .orElseThrow(() -> new NotFoundException("no evaluation " + id));
        return Templates.detail(result, Explanation.sentences(result.classification(), result.scope(), result.determination()));
    }
}
