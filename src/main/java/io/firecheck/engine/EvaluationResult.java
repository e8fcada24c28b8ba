package io.firecheck.engine;

import java.util.List;

/** The engine's answer for one inspection document under one rule set. */
public record EvaluationResult(
        String ruleSetVersion,
        ScopeResult scope,
        Classification classification,
        DeterminationResult determination,
        List<Finding> findings,
        List<NotAssessed> notAssessed) {
}
