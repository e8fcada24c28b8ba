package io.firecheck.preview;

import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** This instance holds as many previews as it takes: 409 with Retry-After, not an ever longer queue. */
public class PreviewBusyException extends RuntimeException {
    /** About one preview of a whole city on a busy machine. */
    static final int RETRY_AFTER_SECONDS = 20;

    public PreviewBusyException() {
        super("this instance holds " + RulePreviewService.ACCEPTED + " rule previews already (one running, the others waiting); retry after one finishes");
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response busy(PreviewBusyException e) {
            return Response.fromResponse(Problems.response(409, "Too many previews", e.getMessage()))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
    }
}
