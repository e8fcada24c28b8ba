package io.firecheck.console;

import io.firecheck.engine.Finding;
import io.firecheck.evaluation.EvaluationResponse;
import io.firecheck.evaluation.EvaluationService;
import io.firecheck.orders.ForbiddenTransitionException;
import io.firecheck.orders.OrderService;
import io.firecheck.orders.OrderStatus;
import io.firecheck.orders.OrderViews;
import io.firecheck.orders.TransitionRequest;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.firecheck.web.QueryParams;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** 督办单: the orders in the user's scope, one order with its hazards and history, and its transitions. */
@Path("/orders")
@Produces(MediaType.TEXT_HTML)
public class OrdersPage {
    static final int PAGE_SIZE = 25;
    /** The owner's written measures as the form and the "still missing" line name them. */
    static final Map<String, String> MEASURE_LABELS = labels();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(OrderViews.Page page, Filter filter, List<OrderStatus> statuses, Pager pager);

        static native TemplateInstance detail(OrderViews.Detail order, List<HazardRow> hazards, List<OrderStatus> transitions,
                                              boolean mayMeasure, List<String> missing, Map<String, String> measureLabels,
                                              String message, String error);
    }

    /** The filter as the form shows it again. */
    public record Filter(String status, String jurisdiction, String buildingId, String overdue, int page) {
        public String query(int toPage) {
            return "?status=" + enc(status) + "&jurisdiction=" + enc(jurisdiction) + "&buildingId=" + enc(buildingId)
                    + "&overdue=" + enc(overdue) + "&page=" + toPage;
        }

        private static String enc(String s) {
            return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A hazard of the order with the basis and rectification its latest evaluation gave it. */
    public record HazardRow(OrderViews.Hazard hazard, String basis, String rectification) {
    }

    private final OrderService orders;
    private final EvaluationService evaluations;
    private final CurrentCaller caller;
    private final Validator validator;

    public OrdersPage(OrderService orders, EvaluationService evaluations, CurrentCaller caller, Validator validator) {
        this.orders = orders;
        this.evaluations = evaluations;
        this.caller = caller;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("jurisdiction") String jurisdiction,
                                 @QueryParam("buildingId") String buildingId, @QueryParam("overdue") String overdue,
                                 @QueryParam("page") String page) {
        Filter filter = new Filter(QueryParams.blankToNull(status), QueryParams.blankToNull(jurisdiction),
                QueryParams.blankToNull(buildingId), QueryParams.blankToNull(overdue), QueryParams.integer("page", page, 0, 0, 1_000_000));
        OrderService.Filter query = new OrderService.Filter(QueryParams.enumValue("status", filter.status(), OrderStatus.class),
                filter.jurisdiction(), filter.buildingId(), filter.overdue() == null ? null : QueryParams.bool("overdue", filter.overdue(), false));
        OrderViews.Page result = orders.list(query, filter.page(), PAGE_SIZE, caller.get());
        return Templates.list(result, filter, List.of(OrderStatus.values()), Pager.of(filter.page(), result.total(), PAGE_SIZE));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("done") String done) {
        return page(id, "transition".equals(done) ? "状态已变更，已记入历史。" : "measures".equals(done) ? "整改措施已保存。" : null, null);
    }

    @POST
    @Path("/{id}/transition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public Response transition(@PathParam("id") String id, @FormParam("to") String to, @FormParam("note") String note) {
        UUID uuid = uuid(id);
        OrderStatus target;
        try {
            target = QueryParams.enumValue("to", QueryParams.blankToNull(to), OrderStatus.class);
        } catch (RuntimeException e) {
            target = null;
        }
        if (target == null) {
            return refused(id, 400, "请选择要变更到的状态。");
        }
        TransitionRequest request = new TransitionRequest(target, QueryParams.blankToNull(note));
        String invalid = violations(validator.validate(request));
        if (invalid != null) {
            return refused(id, 400, invalid);
        }
        try {
            orders.transition(uuid, request, caller.get());
        } catch (ForbiddenTransitionException e) {
            return refused(id, 409, "不能变更为“" + target.zh() + "”：" + e.getMessage());
        } catch (io.quarkus.security.ForbiddenException e) {
            return refused(id, 403, "您的角色不能执行此操作：" + e.getMessage());
        }
        return Response.seeOther(URI.create("/orders/" + uuid + "?done=transition")).build();
    }

    @POST
    @Path("/{id}/measures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public Response measures(@PathParam("id") String id, @FormParam("responsibleUnit") String unit,
                             @FormParam("responsiblePerson") String person, @FormParam("rectificationPlan") String plan,
                             @FormParam("measures") String measures, @FormParam("funding") String funding,
                             @FormParam("interimSafetyMeasures") String interim) {
        UUID uuid = uuid(id);
        OrderViews.Measures m = new OrderViews.Measures(QueryParams.blankToNull(unit), QueryParams.blankToNull(person),
                QueryParams.blankToNull(plan), QueryParams.blankToNull(measures), QueryParams.blankToNull(funding),
                QueryParams.blankToNull(interim));
        String invalid = violations(validator.validate(m));
        if (invalid != null) {
            return refused(id, 400, invalid);
        }
        try {
            orders.recordMeasures(uuid, m, caller.get());
        } catch (ForbiddenTransitionException e) {
            return refused(id, 409, "已销案的督办单不能再修改。");
        }
        return Response.seeOther(URI.create("/orders/" + uuid + "?done=measures")).build();
    }

    private Response refused(String id, int status, String error) {
        return Response.status(status).entity(page(id, null, error)).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private TemplateInstance page(String id, String message, String error) {
        OrderViews.Detail order = orders.find(uuid(id), caller.get()).orElseThrow(() -> new NotFoundException("no supervision order " + id));
        return Templates.detail(order, hazards(order), OrderService.transitionsFor(order.status(), caller.get()),
                OrderService.mayRecordMeasures(order.status(), caller.get()),
                order.measuresMissing().stream().map(f -> MEASURE_LABELS.getOrDefault(f, f)).toList(), MEASURE_LABELS, message, error);
    }

    /** Basis and rectification as the latest linked evaluation stated them. */
    private List<HazardRow> hazards(OrderViews.Detail order) {
        Map<String, Finding> findings = order.evaluations().isEmpty() ? Map.of()
                : QueryParams.uuid(order.evaluations().get(order.evaluations().size() - 1).evaluationId())
                .flatMap(e -> evaluations.view(e, caller.get())).map(EvaluationResponse::findings).orElse(List.of())
                .stream().collect(Collectors.toMap(Finding::ruleId, Function.identity(), (a, b) -> a));
        return order.hazards().stream().map(h -> {
            Finding f = findings.get(h.ruleId());
            return new HazardRow(h, f == null ? "—" : f.basis(), f == null ? "—" : f.rectification());
        }).toList();
    }

    private static UUID uuid(String id) {
        return QueryParams.uuid(id).orElseThrow(() -> new NotFoundException("no supervision order " + id));
    }

    private static String violations(Set<? extends ConstraintViolation<?>> violations) {
        return violations.isEmpty() ? null : violations.stream()
                .map(v -> MEASURE_LABELS.getOrDefault(v.getPropertyPath().toString(), "备注") + "：" + v.getMessage())
                .sorted().collect(Collectors.joining("；"));
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("responsibleUnit", "整改责任单位");
        m.put("responsiblePerson", "整改责任人");
        m.put("rectificationPlan", "整改计划和方案");
        m.put("measures", "整改措施");
        m.put("funding", "整改资金");
        m.put("interimSafetyMeasures", "整改期间的临时性防范措施");
        return m;
    }
}
