package io.firecheck.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.console.RulesPageView.Form;
import io.firecheck.console.RulesPageView.Notice;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.preview.PreviewApply;
import io.firecheck.preview.PreviewBusyException;
import io.firecheck.preview.PreviewJob;
import io.firecheck.preview.PreviewNotAppliableException;
import io.firecheck.preview.PreviewRequest;
import io.firecheck.preview.PreviewRequestException;
import io.firecheck.preview.RulePreviewService;
import io.firecheck.rules.InvalidThresholdsException;
import io.firecheck.rules.ReloadInProgressException;
import io.firecheck.rules.ReloadOutcome;
import io.firecheck.rules.RuleBook;
import io.firecheck.rules.ServedSetChangedException;
import io.firecheck.rules.ThresholdsDoNotCompileException;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.firecheck.web.QueryParams;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The impact preview of a rule change on the Rules page: of the rules folder on disk, or of thresholds changed in
 * the page's form; the preview's progress and result; and applying what it compared. Where nothing starts, the
 * Rules page says why, beside the form's fields where it can.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class RulePreviewPage {
    /** Changed buildings listed on the page; the API gives all of them. */
    static final int LISTED = 500;
    /** Form fields of the thresholds form: this prefix and the threshold's name. */
    static final String FIELD = "t.";
    static final Map<PreviewJob.Status, String> STATUS_ZH = Map.of(PreviewJob.Status.QUEUED, "排队中", PreviewJob.Status.RUNNING, "计算中",
            PreviewJob.Status.DONE, "已完成", PreviewJob.Status.FAILED, "失败");
    static final Map<PreviewJob.Source, String> SOURCE_ZH = Map.of(PreviewJob.Source.DISK, "服务器规则文件夹",
            PreviewJob.Source.UPLOAD, "上传的文件", PreviewJob.Source.THRESHOLDS, "在规则页上修改的阈值");

    private final RuleBook ruleBook;
    private final RulePreviewService previews;
    private final PreviewApply applier;
    private final RulesPageView page;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;

    public RulePreviewPage(RuleBook ruleBook, RulePreviewService previews, PreviewApply applier, RulesPageView page,
                           CurrentCaller caller, ObjectMapper mapper) {
        this.ruleBook = ruleBook;
        this.previews = previews;
        this.applier = applier;
        this.page = page;
        this.caller = caller;
        this.mapper = mapper;
    }

    /** A preview job with its result read, for the preview page. */
    public record PreviewView(PreviewJob job, String statusZh, String sourceZh, PreviewJob.Result result, List<PreviewJob.Change> listed) {
    }

    @CheckedTemplate(basePath = "RulesPage")
    static class Templates {
        static native TemplateInstance preview(PreviewView view);
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response preview(@FormParam("jurisdiction") String jurisdiction) {
        return started(new PreviewRequest(null, QueryParams.area(jurisdiction), null), Form.EMPTY);
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
        try {
            return started(new PreviewRequest(null, QueryParams.area(form.getFirst("jurisdiction")), values), new Form(values, Map.of()));
        } catch (InvalidThresholdsException e) {
            ThresholdFormMessages messages = ThresholdFormMessages.of(e, ruleBook.current().thresholds());
            return page.refused(400, "阈值修改有误，未进行预览" + (messages.general().isEmpty() ? "：见各输入框旁的说明"
                    : "：" + String.join(" ", messages.general())), new Form(values, messages.byField()));
        }
    }

    @GET
    @Path("/preview/{id}")
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response previewJob(@PathParam("id") String id) {
        PreviewJob j = QueryParams.uuid(id).flatMap(u -> previews.find(u, caller.get())).orElseThrow(() -> notFound(id));
        PreviewJob.Result result = j.result() == null ? null : JsonColumns.read(mapper, j.result(), PreviewJob.Result.class);
        List<PreviewJob.Change> listed = result == null ? List.of() : result.buildings().stream().limit(LISTED).toList();
        return RulesPageView.html(200, Templates.preview(new PreviewView(j, STATUS_ZH.get(j.status()), SOURCE_ZH.get(j.source()),
                result, listed)));
    }

    /** Applies exactly what the preview compared, onto the set it compared with; the outcome as after a reload. */
    @POST
    @Path("/preview/{id}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response apply(@PathParam("id") String id) {
        try {
            ReloadOutcome o = QueryParams.uuid(id).flatMap(u -> applier.apply(u, caller.get())).orElseThrow(() -> notFound(id));
            return page.outcome("应用预览的规则", o);
        } catch (ServedSetChangedException e) {
            return page.refused(409, "预览之后生效的规则已经变化（预览时为 " + e.previewed() + "，现在为 "
                    + e.serving() + "），这次预览的影响已不准确，未应用。请重新预览后再应用。", Form.EMPTY);
        } catch (PreviewNotAppliableException e) {
            String why = switch (e.reason()) {
                case NOT_DONE -> "预览尚未完成（或已失败），不能应用。";
                case NO_FILES -> "这次预览没有保存候选规则文件，不能应用，请重新预览。";
                case FILES_CHANGED -> "这次预览保存的候选规则文件与预览时的版本不一致，不能应用，请重新预览。";
            };
            return page.refused(409, why, Form.EMPTY);
        } catch (ReloadInProgressException e) {
            return page.busy();
        }
    }

    /** To the new job's page, or back to the Rules page saying why it did not start. */
    private Response started(PreviewRequest request, Form form) {
        try {
            PreviewJob job = previews.start(request, caller.get());
            return Response.seeOther(URI.create("/rules/preview/" + job.id())).build();
        } catch (RuleSetInvalidException e) {
            Map<String, String> errors = e instanceof ThresholdsDoNotCompileException t
                    ? ThresholdFormMessages.byName(t.problems(), t.candidate()) : Map.of();
            return page.show(422, new Notice(false, "候选规则无法编译，未进行预览", e.problems(), List.of()), new Form(form.values(), errors));
        } catch (PreviewBusyException e) {
            return page.refused(409, "本实例正在进行的预览已达上限，请稍后再试", form);
        } catch (PreviewRequestException e) {
            return page.refused(400, "辖区名称无效：" + e.getMessage(), form);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("没有编号为 " + id + " 的规则变更预览（预览保留一天）。");
    }
}
