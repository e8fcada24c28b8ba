package io.firecheck.engine;

import java.util.List;

/**
 * How the classification was reached (rule-catalogue.md, Determination). method is DIRECT,
 * COMPREHENSIVE or NONE; exclusion is EXPERT_REVIEW or OUT_OF_USE when it kept a major hazard from
 * being declared.
 */
public record DeterminationResult(
        String method,
        List<String> directFindings,
        List<String> countedElements,
        int threshold,
        String thresholdRule,
        String exclusion) {
}
