package io.firecheck.console;

import io.firecheck.reports.Csv;
import io.firecheck.reports.ReportDownloads;
import io.firecheck.reports.ReportDownloads.Report;
import io.firecheck.reports.ReportRows;
import io.firecheck.reports.ReportService;
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
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** 清单: 问题隐患清单 and 整改责任清单 as tables, each with the link to its CSV download. */
@Path("/lists")
@Produces(MediaType.TEXT_HTML)
public class ListsPage {
    private final ReportService reports;
    private final ReportDownloads downloads;
    private final CurrentCaller caller;

    public ListsPage(ReportService reports, ReportDownloads downloads, CurrentCaller caller) {
        this.reports = reports;
        this.downloads = downloads;
        this.caller = caller;
    }

    public record View(String jurisdiction, List<ReportRows.Hazard> hazards, List<ReportRows.Responsibility> responsibilities,
                       String hazardsCsv, String responsibilitiesCsv) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lists(View view);
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    public TemplateInstance page(@QueryParam("jurisdiction") String jurisdiction) {
        String area = QueryParams.area(jurisdiction);
        return Templates.lists(new View(area, reports.hazards(area, caller.get()), reports.responsibilities(area, caller.get()),
                csvLink(Report.HAZARDS, area), csvLink(Report.RESPONSIBILITIES, area)));
    }

    // the same downloads as /api/v1/reports, here for a signed-in browser (the API takes bearer tokens only):
    // /lists/hazards.csv, /lists/responsibilities.csv, /lists/progress.csv
    @GET
    @Path("/{report}.csv")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR})
    public Response csv(@PathParam("report") String report, @QueryParam("jurisdiction") String jurisdiction) {
        Report r = Report.of(report).orElseThrow(() -> new NotFoundException("没有名为 " + report + ".csv 的清单。"));
        return downloads.download(r, QueryParams.blankToNull(jurisdiction), caller.get());
    }

    /** The page's CSV download of a report, for the same jurisdiction. */
    static String csvLink(Report report, String jurisdiction) {
        return "/lists/" + report.path() + ".csv"
                + (jurisdiction == null ? "" : "?jurisdiction=" + URLEncoder.encode(jurisdiction, StandardCharsets.UTF_8));
    }
}
