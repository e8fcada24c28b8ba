package io.firecheck.console;

import io.firecheck.engine.RuleProblem;
import io.firecheck.engine.Thresholds;
import io.firecheck.rules.InvalidThresholdsException;
import io.firecheck.rules.ThresholdEdits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The thresholds form's messages in Chinese: each refused value beside its field, the rest above the form, and
 * the compile problems of a changed value beside its field. rules/ThresholdEdits decides what is refused.
 */
record ThresholdFormMessages(Map<String, String> byField, List<String> general) {

    /** One refused value in Chinese. */
    static String zh(ThresholdEdits.Invalid i) {
        return switch (i.refusal()) {
            case UNKNOWN_NAME -> "没有名为 " + i.name() + " 的阈值。";
            case EMPTY -> "不能为空。";
            case NOT_ONE_LINE -> "只能填写一行，不超过 " + ThresholdEdits.MAX_VALUE + " 个字符。";
            case NOT_A_NUMBER -> "应为数字（如 27 或 1.5），现值为 " + i.serving() + "。";
            case NOT_A_DATE -> "应为日期（如 2025-11-01），现值为 " + i.serving() + "。";
            case NOTHING_CHANGED -> "没有修改任何阈值：请先改动至少一个值。";
        };
    }

    /**
     * Each value that cannot be used: beside its field when the serving set has that threshold (the form shows
     * those), else among the general messages, named.
     */
    static ThresholdFormMessages of(InvalidThresholdsException refused, Thresholds serving) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ThresholdEdits.Invalid i : refused.invalid()) {
            if (i.name() != null && serving.has(i.name())) {
                byField.put(i.name(), zh(i));
            } else {
                general.add(i.name() == null ? zh(i) : i.name() + "：" + zh(i));
            }
        }
        return new ThresholdFormMessages(byField, List.copyOf(general));
    }

    /**
     * The compile problems of a candidate that concern one threshold, by name: those on its line of
     * thresholds.properties and those naming it (a rule that reads it as a whole number, say).
     */
    static Map<String, String> byName(List<RuleProblem> problems, ThresholdEdits.Candidate candidate) {
        Map<Integer, String> lineNames = Thresholds.lines(candidate.files().get(Thresholds.FILE)).stream()
                .filter(Thresholds.Line::entry).collect(Collectors.toMap(Thresholds.Line::number, Thresholds.Line::name));
        Map<String, String> out = new LinkedHashMap<>();
        for (RuleProblem p : problems) {
            String name = Thresholds.FILE.equals(p.file()) ? lineNames.get(p.line()) : null;
            if (name == null) {
                name = candidate.changes().stream().map(ThresholdEdits.Change::name).filter(n -> p.message().contains("`" + n + "`"))
                        .findFirst().orElse(null);
            }
            if (name != null) {
                out.merge(name, p.message(), (a, b) -> a + " " + b);
            }
        }
        return out;
    }
}
