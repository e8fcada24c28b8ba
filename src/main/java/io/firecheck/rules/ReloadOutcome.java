package io.firecheck.rules;

import io.firecheck.engine.RuleProblem;
import io.firecheck.replay.ReplayOutcome;
import java.time.Instant;
import java.util.List;

/**
 * What one load or reload attempt did. STARTUP: the set the service started with. ACTIVATED: the candidate
 * is live. UNCHANGED: the folder holds the active set already. ADOPTED: this instance took the set another
 * instance accepted. INVALID: it does not compile. GATE_FAILED: it compiles but fixtures fail. In the last two
 * cases the previous set keeps serving.
 */
public record ReloadOutcome(String outcome, String version, String previousVersion, Integer ruleCount, Instant at,
                            String by, List<RuleProblem> errors, List<ReplayOutcome> failingFixtures) {

    public boolean rejected() {
        return "INVALID".equals(outcome) || "GATE_FAILED".equals(outcome);
    }
}
