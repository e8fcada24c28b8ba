package io.firecheck.engine;

import java.util.List;

/**
 * How the classification was reached (rule-catalogue.md, Determination). method is DIRECT,
 * COMPREHENSIVE or NONE; exclusion is EXPERT_REVIEW or OUT_OF_USE when it kept a major hazard from
 * being declared. thresholdRuleZh / thresholdRule word the line that was applied, in Chinese and English
 * (both from {@link ThresholdRuleText}).
 */
public record DeterminationResult(
        String method,
        List<String> directFindings,
        List<String> countedElements,
        int threshold,
        String thresholdRuleZh,
        String thresholdRule,
        String exclusion) {
}
