package io.firecheck.rules;

import io.firecheck.engine.RuleProblem;
import io.firecheck.replay.ReplayOutcome;
import java.time.Instant;
import java.util.List;

/** What one load or reload attempt did ({@link ReloadResult}), with what it found. */
public record ReloadOutcome(ReloadResult outcome, String version, String previousVersion, Integer ruleCount, Instant at,
                            String by, List<RuleProblem> errors, List<ReplayOutcome> failingFixtures) {

    public boolean rejected() {
        return outcome.rejected();
    }

    /** This outcome when the rules were taken; else {@link RuleSetRejectedException}, answered with what failed. */
    public ReloadOutcome accepted() {
        if (rejected()) {
            throw new RuleSetRejectedException(this);
        }
        return this;
    }
}
