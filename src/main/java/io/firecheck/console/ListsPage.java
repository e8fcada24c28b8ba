package io.firecheck.console;

import io.firecheck.reports.ReportRows;
import io.firecheck.reports.ReportService;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

/** 清单: 问题隐患清单 and 整改责任清单 as tables, each with the link to its CSV download. */
@Path("/lists")
@Produces(MediaType.TEXT_HTML)
public class ListsPage {
    private final ReportService reports;
    private final CurrentCaller caller;

    public ListsPage(ReportService reports, CurrentCaller caller) {
        this.reports = reports;
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
        String area = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        return Templates.lists(new View(area, reports.hazards(area, caller.get()), reports.responsibilities(area, caller.get()),
                csv("hazards", area), csv("responsibilities", area)));
    }

    /** The CSV download of a report of the API, for the same jurisdiction. */
    static String csv(String report, String jurisdiction) {
        return "/api/v1/reports/" + report + "?format=csv"
                + (jurisdiction == null ? "" : "&jurisdiction=" + URLEncoder.encode(jurisdiction, StandardCharsets.UTF_8));
    }
}
