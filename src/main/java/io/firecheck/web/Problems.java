package io.firecheck.web;

import jakarta.ws.rs.core.Response;
import io.firecheck.inspection.Violation;
import java.util.List;

/** Builds problem+json responses; resources and mappers use these instead of ad-hoc bodies. */
public final class Problems {
    private Problems() {
    }

    public static Response response(int status, String title, String detail) {
        return response(new Problem("about:blank", title, status, detail, null, null));
    }

    public static Response invalid(String title, List<Violation> violations) {
        return response(new Problem("/problems/invalid-input", title, 400,
                violations.size() + " invalid field(s); see violations", null, violations));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
