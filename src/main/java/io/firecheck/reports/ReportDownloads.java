package io.firecheck.reports;

import io.firecheck.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The reports as CSV downloads (UTF-8 with BOM, Chinese file names), for the API and the console's pages alike. */
@ApplicationScoped
public class ReportDownloads {
    private final ReportService reports;

    public ReportDownloads(ReportService reports) {
        this.reports = reports;
    }

    /** The reports offered as CSV, by the name their download path gives them ({@code hazards.csv}, …). */
    public enum Report {
        HAZARDS, RESPONSIBILITIES, PROGRESS;

        public String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The report of a download path's name; empty for any other name. */
        public static java.util.Optional<Report> of(String path) {
            return java.util.Arrays.stream(values()).filter(r -> r.path().equals(path)).findFirst();
        }
    }

    public Response download(Report report, String jurisdiction, Caller caller) {
        return switch (report) {
            case HAZARDS -> hazards(jurisdiction, caller);
            case RESPONSIBILITIES -> responsibilities(jurisdiction, caller);
            case PROGRESS -> progress(jurisdiction, caller);
        };
    }

    public Response hazards(String jurisdiction, Caller caller) {
        return csv("hazards", "问题隐患清单", Csv.write(
                List.of("辖区", "建筑编号", "建筑名称", "检查编号", "检查日期", "评估结论", "评估结论代码", "隐患编号", "等级", "等级代码",
                        "隐患", "证据", "整改要求", "督办编号"),
                reports.hazards(jurisdiction, caller),
                h -> List.of(h.jurisdiction(), h.buildingId(), nz(h.buildingName()), h.inspectionId(), h.inspectionDate(),
                        h.classificationZh(), h.classification(), h.ruleId(), h.levelZh(), h.level(), h.titleZh(), h.evidence(),
                        h.rectification(), nz(h.orderNumber()))));
    }

    public Response responsibilities(String jurisdiction, Caller caller) {
        return csv("responsibilities", "整改责任清单", Csv.write(
                List.of("督办编号", "辖区", "建筑编号", "建筑名称", "隐患", "责任单位", "责任人", "整改方案", "整改措施", "整改资金",
                        "临时性防范措施", "整改期限", "状态", "状态代码", "是否逾期"),
                reports.responsibilities(jurisdiction, caller),
                r -> List.of(r.orderNumber(), r.jurisdiction(), r.buildingId(), nz(r.buildingName()), r.hazards(),
                        nz(r.responsibleUnit()), nz(r.responsiblePerson()), nz(r.rectificationPlan()), nz(r.measures()),
                        nz(r.funding()), nz(r.interimSafetyMeasures()), r.dueDate(), r.statusZh(), r.status(),
                        r.overdue() ? "是" : "否")));
    }

    public Response progress(String jurisdiction, Caller caller) {
        return csv("progress", "整改进度", Csv.write(
                List.of("辖区", "检查建筑数", "隐患总数", "已整改", "整改率(%)", "已达节点(%)", "督办中", "逾期", "已升级督办", "已销案"),
                reports.progress(jurisdiction, caller),
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
