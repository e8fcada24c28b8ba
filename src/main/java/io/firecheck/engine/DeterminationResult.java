package io.firecheck.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the classification was reached (rule-catalogue.md, Determination). method is DIRECT,
 * COMPREHENSIVE or NONE; when an exclusion (EXPERT_REVIEW or OUT_OF_USE) kept a major hazard from being
 * declared, method still names the method it set aside. mayBeMajorIf lists the rules not assessed that
 * could still make the building a major hazard; basis is the edition of GB 35181 applied.
 * thresholdRuleZh / thresholdRule word the line that was applied, in Chinese and English
 * ({@link ThresholdRuleText}).
 */
public record DeterminationResult(
        DeterminationMethod method,
        List<String> directFindings,
        List<String> countedElements,
        int threshold,
        @JsonInclude(JsonInclude.Include.NON_NULL) String thresholdRuleZh,
        String thresholdRule,
        Exclusion exclusion,
        // v2: absent from results stored under catalogue v1, which are returned as they were stored
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean mayBeMajor,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> mayBeMajorIf,
        @JsonInclude(JsonInclude.Include.NON_NULL) Basis basis) {

    /** provisional: the 2017 method stands in for an edition whose text is not yet applied. */
    public record Basis(String standard, boolean provisional) {
    }
}
