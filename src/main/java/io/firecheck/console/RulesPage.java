package io.firecheck.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.engine.RuleInfo;
import io.firecheck.engine.RuleProblem;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.preview.PreviewBusyException;
import io.firecheck.preview.PreviewJob;
import io.firecheck.preview.PreviewRequest;
import io.firecheck.preview.PreviewRequestException;
import io.firecheck.preview.RulePreviewService;
import io.firecheck.replay.ReplayOutcome;
import io.firecheck.rules.ReloadInProgressException;
import io.firecheck.rules.ReloadOutcome;
import io.firecheck.rules.ReloadResult;
import io.firecheck.rules.RuleBook;
import io.firecheck.rules.RuleReloader;
import io.firecheck.security.Caller;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 规则: the active catalogue by area, the thresholds, the reload history, a reload button with its outcome,
 * and the impact preview of the rules folder on disk, shown before the author reloads.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesPage {
    /** Changed buildings listed on the page; the API gives all of them. */
    static final int LISTED = 500;
    static final Map<ReloadResult, String> OUTCOME_ZH = Map.of(ReloadResult.STARTUP, "启动时加载", ReloadResult.ACTIVATED, "已生效",
            ReloadResult.UNCHANGED, "规则未变化", ReloadResult.ADOPTED, "已同步集群规则", ReloadResult.INVALID, "编译失败，未生效",
            ReloadResult.GATE_FAILED, "样例校验未通过，未生效");
    static final Map<PreviewJob.Status, String> STATUS_ZH = Map.of(PreviewJob.Status.QUEUED, "排队中", PreviewJob.Status.RUNNING, "计算中",
            PreviewJob.Status.DONE, "已完成", PreviewJob.Status.FAILED, "失败");

    private final RuleBook ruleBook;
    private final RuleReloader reloader;
    private final RulePreviewService previews;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;

    public RulesPage(RuleBook ruleBook, RuleReloader reloader, RulePreviewService previews, CurrentCaller caller, ObjectMapper mapper) {
        this.ruleBook = ruleBook;
        this.reloader = reloader;
        this.previews = previews;
        this.caller = caller;
        this.mapper = mapper;
    }

    /** One area of the catalogue. */
    public record Area(String name, List<RuleInfo> rules) {
    }

    /** What the author just did on the page: a reload's outcome, or why a preview did not start. */
    public record Notice(boolean ok, String title, List<RuleProblem> errors, List<ReplayOutcome> failingFixtures) {
    }

    /** Everything the page shows. */
    public record View(String version, Instant loadedAt, String loadedBy, int ruleCount, List<Area> areas,
                       Map<String, String> thresholds, boolean author, List<RuleReloader.Attempt> history, Notice notice) {
        public String outcomeZh(ReloadResult r) {
            return OUTCOME_ZH.get(r);
        }
    }

    /** A preview job with its result read, for the preview page. */
    public record PreviewView(PreviewJob job, String statusZh, boolean fromDisk, boolean finished, int percent,
                              PreviewJob.Result result, List<PreviewJob.Change> listed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(View view);

        static native TemplateInstance preview(PreviewView view);
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.RULE_AUTHOR, Roles.AUDITOR})
    public TemplateInstance page() {
        return Templates.rules(view(null));
    }

    @POST
    @Path("/reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response reload() {
        Notice notice;
        int status = 200;
        try {
            ReloadOutcome o = reloader.reloadUnlessBusy(caller.get());
            String title = "重新加载：" + OUTCOME_ZH.get(o.outcome()) + (o.version() == null ? "" : "（版本 " + o.version() + "）");
            notice = new Notice(!o.rejected(), title, o.errors(), o.failingFixtures());
            status = o.rejected() ? 422 : 200;
        } catch (ReloadInProgressException e) {
            notice = new Notice(false, "另一次重新加载正在进行，请稍后再试", List.of(), List.of());
            status = 409;
        }
        return html(status, Templates.rules(view(notice)));
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response preview(@FormParam("jurisdiction") String jurisdiction) {
        String area = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        try {
            PreviewJob job = previews.start(new PreviewRequest(null, area), caller.get());
            return Response.seeOther(URI.create("/rules/preview/" + job.id())).build();
        } catch (RuleSetInvalidException e) {
            return html(422, Templates.rules(view(new Notice(false, "规则文件夹无法编译，未进行预览", e.problems(), List.of()))));
        } catch (PreviewBusyException e) {
            return html(409, Templates.rules(view(new Notice(false, "本实例正在进行的预览已达上限，请稍后再试", List.of(), List.of()))));
        } catch (PreviewRequestException e) {
            return html(400, Templates.rules(view(new Notice(false, "辖区名称无效：" + e.getMessage(), List.of(), List.of()))));
        }
    }

    @GET
    @Path("/preview/{id}")
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response previewJob(@PathParam("id") String id) {
        Optional<PreviewJob> job;
        try {
            job = previews.find(UUID.fromString(id), caller.get());
        } catch (IllegalArgumentException e) {
            job = Optional.empty();
        }
        if (job.isEmpty()) {
            throw new NotFoundException("没有编号为 " + id + " 的规则变更预览（预览保留一天）。");
        }
        PreviewJob j = job.get();
        PreviewJob.Result result = j.result() == null ? null : JsonColumns.read(mapper, j.result(), PreviewJob.Result.class);
        boolean finished = j.status() == PreviewJob.Status.DONE || j.status() == PreviewJob.Status.FAILED;
        int percent = j.total() == null || j.total() == 0 ? (finished ? 100 : 0) : (int) (100L * j.done() / j.total());
        List<PreviewJob.Change> listed = result == null ? List.of() : result.buildings().stream().limit(LISTED).toList();
        return html(200, Templates.preview(new PreviewView(j, STATUS_ZH.get(j.status()), j.source() == PreviewJob.Source.DISK, finished, percent, result, listed)));
    }

    private View view(Notice notice) {
        Caller c = caller.get();
        RuleBook.Active active = ruleBook.active();
        RuleSet set = active.set();
        Map<String, List<RuleInfo>> byArea = new LinkedHashMap<>();
        set.catalogue().values().forEach(r -> byArea.computeIfAbsent(r.area(), a -> new ArrayList<>()).add(r));
        List<Area> areas = byArea.entrySet().stream().map(e -> new Area(e.getKey(), e.getValue())).toList();
        boolean author = c.has(Roles.RULE_AUTHOR);
        List<RuleReloader.Attempt> history = author || c.has(Roles.AUDITOR) ? reloader.history(20) : List.of();
        return new View(set.version(), set.loadedAt(), active.loadedBy(), set.catalogue().size(), areas,
                set.thresholds().asMap(), author, history, notice);
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
