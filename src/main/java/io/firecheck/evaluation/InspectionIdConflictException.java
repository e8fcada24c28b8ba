package io.firecheck.evaluation;

import io.firecheck.web.Problem;
import io.firecheck.web.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A different document under an inspection id already used. Answering with the stored result would
 * silently drop this submission (perhaps another building, perhaps a major hazard), so it is a 409.
 */
public class InspectionIdConflictException extends RuntimeException {
    public InspectionIdConflictException(String inspectionId, String buildingId) {
        super("inspection id " + inspectionId + " is already used by an evaluation of building " + buildingId
                + " with a different document; nothing was stored. Re-post the identical document to get that result,"
                + " or give this inspection its own id");
    }

    public Problem problem() {
        return new Problem("/problems/inspection-id-conflict", "Inspection id already used", 409, getMessage(), null, null);
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response conflict(InspectionIdConflictException e) {
            return Problems.response(e.problem());
        }
    }
}
