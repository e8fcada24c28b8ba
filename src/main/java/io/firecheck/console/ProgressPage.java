package io.firecheck.console;

import io.firecheck.config.FirecheckConfig;
import io.firecheck.engine.Classification;
import io.firecheck.reports.ReportDownloads;
import io.firecheck.reports.ReportRows;
import io.firecheck.reports.ReportService;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.firecheck.web.QueryParams;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 整改进度: per jurisdiction, rectified hazards against those still open in major-hazard buildings and in the
 * others, each bar its jurisdiction's 100 %, with the plan's milestones drawn across; an SVG made here, no script.
 */
@Path("/progress")
@Produces(MediaType.TEXT_HTML)
public class ProgressPage {
    static final int LABEL_W = 220;
    static final int BAR_W = 760;
    static final int ROW_H = 34;
    static final int TOP = 28;

    private final ReportService reports;
    private final CurrentCaller caller;
    private final List<Integer> milestones;

    public ProgressPage(ReportService reports, CurrentCaller caller, FirecheckConfig config) {
        this.reports = reports;
        this.caller = caller;
        this.milestones = config.reports().milestones();
    }

    /** One jurisdiction's bar: widths in SVG units, counts for its label and the table. */
    public record Bar(String jurisdiction, int y, int textY, int rectifiedW, int majorX, int majorW, int generalX, int generalW,
                      long recorded, long rectified, long openMajor, long openGeneral, double rate, Integer milestone) {
    }

    /** A milestone line across the chart. */
    public record Mark(int percent, int x) {
    }

    public record View(String jurisdiction, List<Bar> bars, List<Mark> marks, int width, int height, int labelW, int barW,
                       String csv) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(View view);
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    public TemplateInstance page(@QueryParam("jurisdiction") String jurisdiction) {
        String area = QueryParams.area(jurisdiction);
        List<ReportRows.Progress> rows = reports.progress(area, caller.get());
        // open hazards of the latest inspections, by whether their building is a major fire hazard
        Map<String, Map<Boolean, Long>> open = reports.hazards(area, caller.get()).stream()
                .collect(Collectors.groupingBy(ReportRows.Hazard::jurisdiction, Collectors.partitioningBy(
                        h -> h.classification() == Classification.MAJOR_HAZARD, Collectors.counting())));
        List<Bar> bars = new ArrayList<>();
        for (ReportRows.Progress p : rows) {
            long major = open.getOrDefault(p.jurisdiction(), Map.of()).getOrDefault(true, 0L);
            long general = open.getOrDefault(p.jurisdiction(), Map.of()).getOrDefault(false, 0L);
            int y = TOP + bars.size() * ROW_H;
            int rectW = width(p.hazardsRectified(), p.hazardsRecorded());
            int majorW = width(major, p.hazardsRecorded());
            int generalW = p.hazardsRecorded() == 0 ? 0 : Math.max(0, BAR_W - rectW - majorW);
            bars.add(new Bar(p.jurisdiction(), y, y + 16, rectW, LABEL_W + rectW, majorW, LABEL_W + rectW + majorW, generalW,
                    p.hazardsRecorded(), p.hazardsRectified(), major, general, p.rectificationRatePercent(), p.milestoneReached()));
        }
        List<Mark> marks = milestones.stream().map(m -> new Mark(m, LABEL_W + BAR_W * m / 100)).toList();
        int height = TOP + Math.max(1, bars.size()) * ROW_H + 10;
        return Templates.progress(new View(area, bars, marks, LABEL_W + BAR_W + 70, height, LABEL_W, BAR_W,
                ListsPage.csvLink(ReportDownloads.Report.PROGRESS, area)));
    }

    private static int width(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round((double) BAR_W * part / whole);
    }
}
