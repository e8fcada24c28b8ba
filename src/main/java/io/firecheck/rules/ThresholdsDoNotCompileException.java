package io.firecheck.rules;

import io.firecheck.engine.RuleSetInvalidException;

/**
 * The serving set with changed thresholds does not compile: answered as any candidate that does not compile (422),
 * with the candidate it was, so that the form can put each problem beside the threshold it concerns.
 */
public class ThresholdsDoNotCompileException extends RuleSetInvalidException {
    private final transient ThresholdEdits.Candidate candidate;

    public ThresholdsDoNotCompileException(RuleSetInvalidException failure, ThresholdEdits.Candidate candidate) {
        super(failure.problems());
        this.candidate = candidate;
    }

    public ThresholdEdits.Candidate candidate() {
        return candidate;
    }
}
