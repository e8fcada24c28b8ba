package io.firecheck.engine;

import java.util.List;
import java.util.Map;

/**
 * The one place that words a determination line (determination.thresholdRuleZh / thresholdRule): Chinese
 * for staff, English beside it for API clients. A category is named by its key in thresholds.properties
 * (determination.&lt;category&gt;.…); an unknown key is shown as it is, so a category added in the rules
 * folder still reads sensibly before it is given a name here.
 */
public record ThresholdRuleText(String zh, String en) {
    private static final Map<String, ThresholdRuleText> CATEGORIES = Map.of(
            "crowded", new ThresholdRuleText("人员密集场所", "crowded building"),
            "hazmat", new ThresholdRuleText("易燃易爆危险品场所", "hazardous-materials place"),
            "other", new ThresholdRuleText("其他建筑", "other buildings"));

    /** "≥ threshold of these key elements" (GB 35181-2017 5.3.2, 5.3.3). */
    public static ThresholdRuleText keyElements(String category, int threshold, List<String> keyIds) {
        ThresholdRuleText name = category(category);
        String ids = String.join(", ", keyIds);
        return new ThresholdRuleText(name.zh + "：" + ids + " 中任意 " + threshold + " 项",
                name.en + ": " + threshold + " of " + ids);
    }

    /** "≥ threshold comprehensive-determination elements of any kind". */
    public static ThresholdRuleText anyElements(String category, int threshold) {
        ThresholdRuleText name = category(category);
        return new ThresholdRuleText(name.zh + "：任意 " + threshold + " 项综合判定要素",
                name.en + ": " + threshold + " elements of any kind");
    }

    private static ThresholdRuleText category(String key) {
        return CATEGORIES.getOrDefault(key, new ThresholdRuleText(key, key));
    }
}
