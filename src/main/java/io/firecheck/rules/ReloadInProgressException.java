package io.firecheck.rules;

import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A reload was asked for while another one compiles: 409 with Retry-After, not a queue. */
public class ReloadInProgressException extends RuntimeException {
    /** About one reload's compile and fixture gate on a busy machine. */
    static final int RETRY_AFTER_SECONDS = 15;

    public ReloadInProgressException() {
        super("a rule reload is already running; its outcome will be in GET /api/v1/rules/reloads."
                + " Retry after it finishes if the rules folder changed since it started");
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response busy(ReloadInProgressException e) {
            return Response.fromResponse(Problems.response(409, "Reload already running", e.getMessage()))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
    }
}
