package io.firecheck.rules;

import io.firecheck.engine.RuleProblem;
import io.firecheck.replay.ReplayOutcome;
import io.firecheck.web.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Rules that were not taken (problem+json): each compile error with file, line and message, or each failing fixture. */
public record ReloadProblem(String type, String title, int status, String detail, String activeVersion,
                            List<RuleProblem> errors, List<ReplayOutcome> failingFixtures) {
    private static final String TYPE = "/problems/rules-rejected";

    /** A rejected reload or applied preview. */
    static ReloadProblem of(ReloadOutcome o) {
        String detail = (o.outcome() == ReloadResult.INVALID ? o.errors().size() + " error(s) in the rules folder"
                : !o.errors().isEmpty() ? "the fixture gate cannot run: " + o.errors().get(0)
                : o.failingFixtures().size() + " fixture(s) fail under the new rules") + "; the active rule set keeps serving";
        return new ReloadProblem(TYPE, "Rule set rejected (" + o.outcome() + ")", 422, detail, o.previousVersion(), o.errors(),
                o.failingFixtures());
    }

    /** A candidate that does not compile, beside the version that keeps serving. */
    public static ReloadProblem notCompiling(String title, String detail, String activeVersion, List<RuleProblem> errors) {
        return new ReloadProblem(TYPE, title, 422, detail, activeVersion, errors, List.of());
    }

    public Response response() {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(this).build();
    }
}
