package io.firecheck.reports;

import io.firecheck.inspection.Violation;
import io.firecheck.web.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * ?format=csv (or json) chooses a report's format as Accept does, for a link in a browser or a
 * spreadsheet's "from web" import, which cannot set headers. It rewrites Accept before the resource
 * method is chosen, so the CSV and JSON methods stay as they are.
 */
public class ReportFormat {
    static final String PARAM = "format";

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> chooseFormat(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/v1/reports/")) {
            return Optional.empty();
        }
        String format = request.getUriInfo().getQueryParameters().getFirst(PARAM);
        if (format == null || format.isEmpty()) {
            return Optional.empty();
        }
        switch (format) {
            case "csv" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, Csv.MEDIA_TYPE);
            case "json" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
            default -> {
                return Optional.of(Problems.invalid("Invalid request", List.of(new Violation(PARAM, "must be csv or json"))));
            }
        }
        return Optional.empty();
    }
}
