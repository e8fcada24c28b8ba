package io.firecheck.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.engine.RuleInfo;
import io.firecheck.engine.RuleProblem;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.engine.Thresholds;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.preview.PreviewApply;
import io.firecheck.preview.PreviewBusyException;
import io.firecheck.preview.PreviewJob;
import io.firecheck.preview.PreviewNotAppliableException;
import io.firecheck.preview.PreviewRequest;
import io.firecheck.preview.PreviewRequestException;
import io.firecheck.preview.RulePreviewService;
import io.firecheck.replay.ReplayOutcome;
import io.firecheck.rules.InvalidThresholdsException;
import io.firecheck.rules.ReloadInProgressException;
import io.firecheck.rules.ReloadOutcome;
import io.firecheck.rules.ReloadResult;
import io.firecheck.rules.RuleBook;
import io.firecheck.rules.RuleReloader;
import io.firecheck.rules.ServedSetChangedException;
import io.firecheck.rules.ThresholdEdits;
import io.firecheck.security.Caller;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 规则: the active catalogue by area, the thresholds (a form for rule authors), the reload history, a reload
 * button with its outcome, and the impact preview of a change (the rules folder on disk, or thresholds changed
 * here), shown before the author applies it.
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
    private final PreviewApply applier;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;

    public RulesPage(RuleBook ruleBook, RuleReloader reloader, RulePreviewService previews, PreviewApply applier,
                     CurrentCaller caller, ObjectMapper mapper) {
        this.ruleBook = ruleBook;
        this.applier = applier;
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

    /** The thresholds form as the author left it: the values sent, and a message beside each one that cannot be used. */
    public record Form(Map<String, String> values, Map<String, String> errors) {
        static final Form EMPTY = new Form(Map.of(), Map.of());
    }

    /**
     * Everything the page shows. {@code differsFromDisk}: the set serving is not what the rules folder on disk holds
     * (a change applied here, or files changed on disk and not yet reloaded).
     */
    public record View(String version, Instant loadedAt, String loadedBy, int ruleCount, List<Area> areas,
                       List<ThresholdEdits.Section> thresholds, boolean author, List<RuleReloader.Attempt> history, Notice notice,
                       Form form, boolean differsFromDisk, String folder) {
        public String outcomeZh(ReloadResult r) {
            return OUTCOME_ZH.get(r);
        }

        /** The value the form shows: as the author sent it, else the one serving. */
        public String value(ThresholdEdits.Field f) {
            return form.values().getOrDefault(f.name(), f.value());
        }

        public String error(String name) {
            return form.errors().get(name);
        }
    }

    /** A preview job with its result read, for the preview page. */
    public record PreviewView(PreviewJob job, String statusZh, String sourceZh, boolean finished, int percent,
                              PreviewJob.Result result, List<PreviewJob.Change> listed) {
    }

    static final Map<PreviewJob.Source, String> SOURCE_ZH = Map.of(PreviewJob.Source.DISK, "服务器规则文件夹",
            PreviewJob.Source.UPLOAD, "上传的文件", PreviewJob.Source.THRESHOLDS, "在规则页上修改的阈值");
    /** Form fields of the thresholds form: this prefix and the threshold's name. */
    static final String FIELD = "t.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(View view);

        static native TemplateInstance preview(PreviewView view);
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.RULE_AUTHOR, Roles.AUDITOR})
    public TemplateInstance page() {
        return Templates.rules(view(null, Form.EMPTY));
    }

    /** The thresholds file of the set serving, to copy into the repository when it differs from the folder there. */
    @GET
    @Path("/" + Thresholds.FILE)
    @Produces("text/plain")
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.RULE_AUTHOR, Roles.AUDITOR})
    public Response servedThresholds() {
        RuleSet set = ruleBook.current();
        return Response.ok(set.sources().get(Thresholds.FILE), "text/plain; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + Thresholds.FILE + "\"").build();
    }

    /** Preview of the set serving with the thresholds as the form sends them; problems go beside their fields. */
    @POST
    @Path("/thresholds/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response previewThresholds(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(FIELD) && !v.isEmpty()) {
                values.put(k.substring(FIELD.length()), v.get(0));
            }
        });
        Form sent = new Form(values, Map.of());
        try {
            return started(new PreviewRequest(null, area(form.getFirst("jurisdiction")), values), sent);
        } catch (InvalidThresholdsException e) {
            ThresholdEdits.FormMessages messages = ThresholdEdits.forForm(e, ruleBook.current().thresholds());
            return refused(400, "阈值修改有误，未进行预览" + (messages.general().isEmpty() ? "：见各输入框旁的说明"
                    : "：" + String.join(" ", messages.general())), new Form(values, messages.byField()));
        }
    }

    /** Applies exactly what the preview compared, onto the set it compared with; the outcome as after a reload. */
    @POST
    @Path("/preview/{id}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response apply(@PathParam("id") String id) {
        try {
            ReloadOutcome o = applier.apply(uuid(id), caller.get()).orElseThrow(() -> notFound(id));
            return outcome("应用预览的规则", o);
        } catch (ServedSetChangedException e) {
            return refused(409, "预览之后生效的规则已经变化（预览时为 " + e.previewed() + "，现在为 "
                    + e.serving() + "），这次预览的影响已不准确，未应用。请重新预览后再应用。", Form.EMPTY);
        } catch (PreviewNotAppliableException e) {
            String why = e.reason() == PreviewNotAppliableException.Reason.NOT_DONE ? "预览尚未完成（或已失败），不能应用。"
                    : "这次预览没有保存候选规则文件，不能应用，请重新预览。";
            return refused(409, why, Form.EMPTY);
        } catch (ReloadInProgressException e) {
            return busy();
        }
    }

    @POST
    @Path("/reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response reload() {
        try {
            return outcome("重新加载", reloader.reloadUnlessBusy(caller.get()));
        } catch (ReloadInProgressException e) {
            return busy();
        }
    }

    private Response outcome(String what, ReloadOutcome o) {
        String title = what + "：" + OUTCOME_ZH.get(o.outcome()) + (o.version() == null ? "" : "（版本 " + o.version() + "）");
        return html(o.rejected() ? 422 : 200, Templates.rules(view(new Notice(!o.rejected(), title, o.errors(), o.failingFixtures()), Form.EMPTY)));
    }

    /** The Rules page again, saying why nothing was done. */
    private Response refused(int status, String title, Form form) {
        return html(status, Templates.rules(view(new Notice(false, title, List.of(), List.of()), form)));
    }

    private Response busy() {
        return refused(409, "另一次重新加载正在进行，请稍后再试", Form.EMPTY);
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response preview(@FormParam("jurisdiction") String jurisdiction) {
        return started(new PreviewRequest(null, area(jurisdiction), null), Form.EMPTY);
    }

    /** To the new job's page, or back to the Rules page saying why it did not start. */
    private Response started(PreviewRequest request, Form form) {
        try {
            PreviewJob job = previews.start(request, caller.get());
            return Response.seeOther(URI.create("/rules/preview/" + job.id())).build();
        } catch (RuleSetInvalidException e) {
            Map<String, String> errors = request.thresholds() == null ? Map.of()
                    : ThresholdEdits.byName(e.problems(), ThresholdEdits.candidate(ruleBook.current(), request.thresholds()));
            return html(422, Templates.rules(view(new Notice(false, "候选规则无法编译，未进行预览", e.problems(), List.of()),
                    new Form(form.values(), errors))));
        } catch (PreviewBusyException e) {
            return refused(409, "本实例正在进行的预览已达上限，请稍后再试", form);
        } catch (PreviewRequestException e) {
            return refused(400, "辖区名称无效：" + e.getMessage(), form);
        }
    }

    private static String area(String jurisdiction) {
        return jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
    }

    @GET
    @Path("/preview/{id}")
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response previewJob(@PathParam("id") String id) {
        PreviewJob j = previews.find(uuid(id), caller.get()).orElseThrow(() -> notFound(id));
        PreviewJob.Result result = j.result() == null ? null : JsonColumns.read(mapper, j.result(), PreviewJob.Result.class);
        boolean finished = j.status() == PreviewJob.Status.DONE || j.status() == PreviewJob.Status.FAILED;
        int percent = j.total() == null || j.total() == 0 ? (finished ? 100 : 0) : (int) (100L * j.done() / j.total());
        List<PreviewJob.Change> listed = result == null ? List.of() : result.buildings().stream().limit(LISTED).toList();
        return html(200, Templates.preview(new PreviewView(j, STATUS_ZH.get(j.status()), SOURCE_ZH.get(j.source()), finished, percent,
                result, listed)));
    }

    /** A malformed id finds nothing, as an unknown one. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("没有编号为 " + id + " 的规则变更预览（预览保留一天）。");
    }

    private View view(Notice notice, Form form) {
        Caller c = caller.get();
        RuleBook.Active active = ruleBook.active();
        RuleSet set = active.set();
        Map<String, List<RuleInfo>> byArea = new LinkedHashMap<>();
        set.catalogue().values().forEach(r -> byArea.computeIfAbsent(r.area(), a -> new ArrayList<>()).add(r));
        List<Area> areas = byArea.entrySet().stream().map(e -> new Area(e.getKey(), e.getValue())).toList();
        boolean author = c.has(Roles.RULE_AUTHOR);
        List<RuleReloader.Attempt> history = author || c.has(Roles.AUDITOR) ? reloader.history(20) : List.of();
        return new View(set.version(), set.loadedAt(), active.loadedBy(), set.catalogue().size(), areas,
                ThresholdEdits.sections(set.sources().get(Thresholds.FILE)), author, history, notice, form,
                !ruleBook.folderVersion().equals(set.version()), ruleBook.dir().toAbsolutePath().toString());
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
