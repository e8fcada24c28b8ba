package io.firecheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A result as sentences a fire officer reads in Chinese: the classification, the building's category and
 * how the classification was reached. Shared by {@code bin/firecheck explain} and the console's result page;
 * the findings themselves are listed by each with their evidence, basis and rectification.
 */
public final class Explanation {
    private Explanation() {
    }

    public static List<String> sentences(Classification classification, ScopeResult scope, DeterminationResult d) {
        List<String> out = new ArrayList<>();
        out.add("本次检查的判定结果是：" + classification.zh() + "。");
        out.add("建筑类别：" + category(scope) + "。");
        out.add(method(d));
        if (d.exclusion() != null) {
            out.add("但因" + d.exclusion().zh() + "，不判定为重大火灾隐患。");
        }
        if (Boolean.TRUE.equals(d.mayBeMajor()) && d.mayBeMajorIf() != null && !d.mayBeMajorIf().isEmpty()) {
            out.add("以下规则因资料缺失未能评估，补齐后仍可能判定为重大火灾隐患：" + String.join("、", d.mayBeMajorIf()) + "。");
        }
        if (d.basis() != null) {
            out.add("判定依据：" + d.basis().standard() + (d.basis().provisional() ? "（暂按 2017 版判定方法）" : "") + "。");
        }
        return out;
    }

    /** "一类高层，超高层，含人员密集场所" after the category code. */
    public static String category(ScopeResult s) {
        return s.category()
                + (s.highRiseClass() == null ? "" : "，" + (s.highRiseClass() == 1 ? "一类" : "二类") + "高层")
                + (s.superHighRise() ? "，超高层" : "")
                + (s.crowded() ? "，含人员密集场所" : "");
    }

    static String method(DeterminationResult d) {
        String counted = "计入综合判定要素 " + d.countedElements().size() + " 项，门槛为 " + d.threshold() + " 项"
                + (d.thresholdRuleZh() == null ? "" : "（" + d.thresholdRuleZh() + "）");
        return switch (d.method()) {
            case DIRECT -> "采用直接判定：" + String.join("、", d.directFindings()) + " 直接构成重大火灾隐患判定要素。";
            case COMPREHENSIVE -> "采用综合判定：" + counted + "，达到门槛。";
            case NONE -> "未达到重大火灾隐患的判定条件：没有直接判定要素，" + counted + "。";
        };
    }
}
