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
    private final ReportDownloads downloads;
    private final CurrentCaller caller;

    public ReportResource(ReportService reports, ReportDownloads downloads, CurrentCaller caller) {
        this.reports = reports;
        this.downloads = downloads;
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
        return downloads.hazards(blankToNull(jurisdiction), caller.get());
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
        return downloads.responsibilities(blankToNull(jurisdiction), caller.get());
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
        return downloads.progress(blankToNull(jurisdiction), caller.get());
    }

}
