package io.firecheck.preview;

import io.firecheck.inspection.Violation;
import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A preview request that cannot be run as given: 400 naming each field. */
public class PreviewRequestException extends RuntimeException {
    private final transient List<Violation> violations;

    public PreviewRequestException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response invalid(PreviewRequestException e) {
            return Problems.invalid("Invalid preview request", e.violations);
        }
    }
}
