package io.firecheck.engine;

import java.util.List;

/**
 * The one place that words a determination line (determination.thresholdRuleZh / thresholdRule): Chinese
 * for staff, English beside it for API clients. The caller names the building category in both languages;
 * this record also carries that name.
 */
public record ThresholdRuleText(String zh, String en) {

    /** "≥ threshold of these key elements" (GB 35181-2017 5.3.2, 5.3.3). */
    public static ThresholdRuleText keyElements(ThresholdRuleText category, int threshold, List<String> keyIds) {
        String ids = String.join(", ", keyIds);
        return new ThresholdRuleText(category.zh + "：" + ids + " 中任意 " + threshold + " 项",
                category.en + ": " + threshold + " of " + ids);
    }

    /** "≥ threshold comprehensive-determination elements of any kind". */
    public static ThresholdRuleText anyElements(ThresholdRuleText category, int threshold) {
        return new ThresholdRuleText(category.zh + "：任意 " + threshold + " 项综合判定要素",
                category.en + ": " + threshold + " elements of any kind");
    }
}
