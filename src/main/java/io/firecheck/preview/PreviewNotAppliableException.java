package io.firecheck.preview;

import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A preview whose impact is not (fully) known, or whose files are not those it compared, is not applied: 409. */
public class PreviewNotAppliableException extends RuntimeException {
    /** Why, each its own problem title, so a client can tell "wait" from "preview again". */
    public enum Reason {
        NOT_DONE("Preview not finished"),
        NO_FILES("Preview files not kept"),
        /** The files kept no longer hash to the version previewed: applying them would apply an impact nobody saw. */
        FILES_CHANGED("Preview files changed");

        private final String title;

        Reason(String title) {
            this.title = title;
        }
    }

    private final Reason reason;

    public PreviewNotAppliableException(Reason reason, String detail) {
        super(switch (reason) {
            case NOT_DONE -> "the preview is " + detail + "; only a DONE preview, whose impact was shown, can be applied";
            case NO_FILES -> "the candidate files of preview " + detail + " were not kept (a preview made before they were); preview again";
            case FILES_CHANGED -> "the candidate files kept for preview " + detail + " are not those of the version it previewed; "
                    + "preview again";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response notAppliable(PreviewNotAppliableException e) {
            return Problems.response(409, e.reason.title, e.getMessage());
        }
    }
}
