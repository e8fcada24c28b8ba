package io.firecheck.preview;

import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A preview whose impact is not (fully) known, or whose files were not kept, is not applied: 409. */
public class PreviewNotAppliableException extends RuntimeException {
    public enum Reason { NOT_DONE, NO_FILES }

    private final Reason reason;

    public PreviewNotAppliableException(Reason reason, String detail) {
        super(switch (reason) {
            case NOT_DONE -> "the preview is " + detail + "; only a DONE preview, whose impact was shown, can be applied";
            case NO_FILES -> "the candidate files of preview " + detail + " were not kept (a preview made before they were); preview again";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response notAppliable(PreviewNotAppliableException e) {
            return Problems.response(409, "Preview cannot be applied", e.getMessage());
        }
    }
}
