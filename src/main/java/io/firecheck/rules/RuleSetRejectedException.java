package io.firecheck.rules;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A reload, or an applied preview, whose rules were not taken (they do not compile, or fixtures fail under them):
 * 422 problem+json with each compile error or failing fixture; the active set keeps serving.
 */
public class RuleSetRejectedException extends RuntimeException {
    private final transient ReloadOutcome outcome;

    RuleSetRejectedException(ReloadOutcome outcome) {
        super("rule set rejected (" + outcome.outcome() + ")");
        this.outcome = outcome;
    }

    static class Mapper {
        @ServerExceptionMapper
        public Response rejected(RuleSetRejectedException e) {
            return ReloadProblem.of(e.outcome).response();
        }
    }
}
