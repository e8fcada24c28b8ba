package io.firecheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The building categories of the comprehensive determination, read from thresholds.properties in the
 * order {@code determination.categories} lists them. Each category has a condition ({@code when}, in
 * the @appliesWhen language, or {@code otherwise}: none of the others), a label in Chinese and English,
 * and its lines: an optional key-element line and an any-element line.
 */
record Categories(List<Category> all) {
    static final String LIST = "determination.categories";
    static final String OTHERWISE = "otherwise";

    record Category(String name, String when, ThresholdRuleText label, List<Line> lines) {
    }

    /** keyElements null: any ELEMENT counts. */
    record Line(ThresholdRuleText rule, List<String> keyElements, int threshold) {
    }

    static Categories read(Thresholds th) {
        List<Category> out = new ArrayList<>();
        for (String name : th.list(LIST)) {
            String p = "determination." + name + ".";
            ThresholdRuleText label = new ThresholdRuleText(th.text(p + "labelZh"), th.text(p + "label"));
            List<Line> lines = new ArrayList<>();
            if (th.has(p + "keyElements")) {
                int n = th.count(p + "keyThreshold");
                List<String> key = th.list(p + "keyElements");
                lines.add(new Line(ThresholdRuleText.keyElements(label, n, key), key, n));
            }
            int any = th.count(p + "anyThreshold");
            lines.add(new Line(ThresholdRuleText.anyElements(label, any), null, any));
            out.add(new Category(name, th.text(p + "when"), label, lines));
        }
        return new Categories(out);
    }

    /** What is wrong with the determination data, with the names to fix; empty when it reads. */
    static List<String> problems(Thresholds th) {
        List<String> out = new ArrayList<>();
        if (!th.has(LIST)) {
            out.add("missing `" + LIST + "` (the building categories, in order)");
            return out;
        }
        for (String name : th.list(LIST)) {
            String p = "determination." + name + ".";
            DataChecks.need(th, p + "when", "text", out);
            DataChecks.need(th, p + "label", "text", out);
            DataChecks.need(th, p + "labelZh", "text", out);
            DataChecks.need(th, p + "anyThreshold", "count", out);
            if (th.has(p + "keyElements") || th.has(p + "keyThreshold")) {
                DataChecks.need(th, p + "keyElements", "list", out);
                DataChecks.need(th, p + "keyThreshold", "count", out);
            }
            if (th.has(p + "when") && !OTHERWISE.equals(th.text(p + "when"))) {
                String problem = Applicability.problem(th.text(p + "when"), th);
                if (problem != null) {
                    out.add("`" + p + "when`: " + problem);
                }
            }
        }
        return out;
    }
}
