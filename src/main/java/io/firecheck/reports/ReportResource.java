package io.firecheck.reports;

import static io.firecheck.web.QueryParams.blankToNull;

import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The two lists and progress; Accept: text/csv or ?format=csv (see {@link ReportFormat}) gives a spreadsheet-ready download.
 * Rows outside the caller's jurisdiction are left out. */
@Path("/api/v1/reports")
@Tag(name = "Reports", description = "问题隐患清单, 整改责任清单 and rectification progress, as JSON or CSV for Excel")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
public class ReportResource {
    private static final String JURISDICTION = "the area and its sub-areas: 越秀区 covers 越秀区·北京街道, not 越秀区X";
    private final ReportService reports;
    private final CurrentCaller caller;

    public ReportResource(ReportService reports, CurrentCaller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/hazards")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "问题隐患清单: every open hazard per building, from its latest inspection")
    @APIResponse(responseCode = "200", description = "JSON rows, or CSV (UTF-8 with BOM) for Accept: text/csv or format=csv")
    @APIResponse(responseCode = "400", description = "format is neither csv nor json")
    @Parameter(name = ReportFormat.PARAM, in = ParameterIn.QUERY, description = "csv or json; overrides Accept",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "json"}))
    public List<ReportRows.Hazard> hazards(@Parameter(description = JURISDICTION) @QueryParam("jurisdiction") String jurisdiction) {
        return reports.hazards(blankToNull(jurisdiction), caller.get());
    }

    @GET
    @Path("/hazards")
    @Produces(Csv.MEDIA_TYPE)
    public Response hazardsCsv(@QueryParam("jurisdiction") String jurisdiction) {
        return csv("hazards", "问题隐患清单", Csv.write(
                List.of("辖区", "建筑编号", "建筑名称", "检查编号", "检查日期", "评估结论", "评估结论代码", "隐患编号", "等级", "等级代码",
                        "隐患", "证据", "整改要求", "督办编号"),
                reports.hazards(blankToNull(jurisdiction), caller.get()),
                h -> List.of(h.jurisdiction(), h.buildingId(), nz(h.buildingName()), h.inspectionId(), h.inspectionDate(),
                        h.classificationZh(), h.classification(), h.ruleId(), h.levelZh(), h.level(), h.titleZh(), h.evidence(),
                        h.rectification(), nz(h.orderNumber()))));
    }

    @GET
    @Path("/responsibilities")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "整改责任清单: every open supervision order with who must do what by when")
    @APIResponse(responseCode = "200", description = "JSON rows, or CSV (UTF-8 with BOM) for Accept: text/csv or format=csv")
    @APIResponse(responseCode = "400", description = "format is neither csv nor json")
    @Parameter(name = ReportFormat.PARAM, in = ParameterIn.QUERY, description = "csv or json; overrides Accept",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "json"}))
    public List<ReportRows.Responsibility> responsibilities(@Parameter(description = JURISDICTION) @QueryParam("jurisdiction") String jurisdiction) {
        return reports.responsibilities(blankToNull(jurisdiction), caller.get());
    }

    @GET
    @Path("/responsibilities")
    @Produces(Csv.MEDIA_TYPE)
    public Response responsibilitiesCsv(@QueryParam("jurisdiction") String jurisdiction) {
        return csv("responsibilities", "整改责任清单", Csv.write(
                List.of("督办编号", "辖区", "建筑编号", "建筑名称", "隐患", "责任单位", "责任人", "整改方案", "整改措施", "整改资金",
                        "临时性防范措施", "整改期限", "状态", "状态代码", "是否逾期"),
                reports.responsibilities(blankToNull(jurisdiction), caller.get()),
                r -> List.of(r.orderNumber(), r.jurisdiction(), r.buildingId(), nz(r.buildingName()), r.hazards(),
                        nz(r.responsibleUnit()), nz(r.responsiblePerson()), nz(r.rectificationPlan()), nz(r.measures()),
                        nz(r.funding()), nz(r.interimSafetyMeasures()), r.dueDate(), r.statusZh(), r.status(),
                        r.overdue() ? "是" : "否")));
    }

    @GET
    @Path("/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rectification progress per jurisdiction: hazards recorded and rectified, rate, orders")
    @APIResponse(responseCode = "200", description = "JSON rows, or CSV (UTF-8 with BOM) for Accept: text/csv or format=csv")
    @APIResponse(responseCode = "400", description = "format is neither csv nor json")
    @Parameter(name = ReportFormat.PARAM, in = ParameterIn.QUERY, description = "csv or json; overrides Accept",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "json"}))
    public List<ReportRows.Progress> progress(@Parameter(description = JURISDICTION) @QueryParam("jurisdiction") String jurisdiction) {
        return reports.progress(blankToNull(jurisdiction), caller.get());
    }

    @GET
    @Path("/progress")
    @Produces(Csv.MEDIA_TYPE)
    public Response progressCsv(@QueryParam("jurisdiction") String jurisdiction) {
        return csv("progress", "整改进度", Csv.write(
                List.of("辖区", "检查建筑数", "隐患总数", "已整改", "整改率(%)", "已达节点(%)", "督办中", "逾期", "已升级督办", "已销案"),
                reports.progress(blankToNull(jurisdiction), caller.get()),
                p -> List.of(p.jurisdiction(), p.buildingsInspected(), p.hazardsRecorded(), p.hazardsRectified(),
                        p.rectificationRatePercent(), p.milestoneReached() == null ? "" : p.milestoneReached(), p.ordersOpen(),
                        p.ordersOverdue(), p.ordersEscalated(), p.ordersClosed())));
    }

    private static Response csv(String asciiName, String chineseName, byte[] body) {
        String encoded = URLEncoder.encode(chineseName + ".csv", StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + asciiName + ".csv\"; filename*=UTF-8''" + encoded)
                .build();
    }

    private static Object nz(Object value) {
        return value == null ? "" : value;
    }
}
