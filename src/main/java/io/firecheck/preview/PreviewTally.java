package io.firecheck.preview;

import io.firecheck.engine.Classification;
import io.firecheck.preview.PreviewJob.Change;
import io.firecheck.preview.PreviewJob.Failure;
import io.firecheck.preview.PreviewJob.Result;
import io.firecheck.preview.PreviewJob.Transition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Adds up a preview as the evaluations come in from several threads, and words the totals in Chinese. */
final class PreviewTally {
    /** Every failure is counted; this many are listed, the first being what an author needs to find the cause. */
    static final int LISTED_FAILURES = 100;
    private static final Map<Classification, String> SHORT = new EnumMap<>(Map.of(
            Classification.MAJOR_HAZARD, "重大隐患", Classification.GENERAL_HAZARD, "一般隐患",
            Classification.COMPLIANT, "无隐患", Classification.INCOMPLETE, "检查不完整"));

    /** One building's latest stored evaluation, as the preview reads it. */
    record Stored(String evaluationId, String inspectionId, String buildingId, String jurisdiction,
                  Classification classification, List<String> findings, String ruleSetVersion) {
    }

    private final String activeVersion;
    private final List<Change> changes = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private int evaluated;
    private int failed;
    private int otherVersions;

    PreviewTally(String activeVersion) {
        this.activeVersion = activeVersion;
    }

    /** The building's result would change when its classification or the set of its findings' rule ids does. */
    static Change compare(Stored old, Classification now, List<String> nowFindings) {
        TreeSet<String> added = new TreeSet<>(nowFindings);
        added.removeAll(old.findings());
        TreeSet<String> removed = new TreeSet<>(old.findings());
        removed.removeAll(nowFindings);
        if (now == old.classification() && added.isEmpty() && removed.isEmpty()) {
            return null;
        }
        return new Change(old.buildingId(), old.jurisdiction(), old.evaluationId(), old.inspectionId(), old.classification(),
                now, List.copyOf(added), List.copyOf(removed));
    }

    synchronized void evaluated(Stored old, Change change) {
        evaluated++;
        if (!activeVersion.equals(old.ruleSetVersion())) {
            otherVersions++;
        }
        if (change != null) {
            changes.add(change);
        }
    }

    synchronized void failed(Stored old, String message) {
        failed++;
        if (failures.size() < LISTED_FAILURES) {
            failures.add(new Failure(old.buildingId(), old.evaluationId(), message));
        }
    }

    synchronized int seen() {
        return evaluated + failed;
    }

    synchronized Result result() {
        List<Change> sorted = changes.stream().sorted(Comparator.comparing(Change::buildingId)).toList();
        Map<List<Classification>, Long> counts = sorted.stream()
                .collect(Collectors.groupingBy(c -> List.of(c.from(), c.to()), Collectors.counting()));
        List<Transition> totals = counts.entrySet().stream()
                .map(e -> transition(e.getKey().get(0), e.getKey().get(1), e.getValue().intValue()))
                .sorted(Comparator.comparing(Transition::buildings).reversed()
                        .thenComparing(Transition::from).thenComparing(Transition::to))
                .toList();
        return new Result(evaluated, sorted.size(), failed, otherVersions, summary(totals), totals, sorted, List.copyOf(failures));
    }

    static Transition transition(Classification from, Classification to, int buildings) {
        String text = from == to ? buildings + " 栋仍为" + SHORT.get(from) + "，但隐患项有增减"
                : buildings + " 栋由" + SHORT.get(from) + "变为" + SHORT.get(to);
        return new Transition(from, to, buildings, text);
    }

    private String summary(List<Transition> totals) {
        StringBuilder out = new StringBuilder("共重新判定 " + evaluated + " 栋建筑（各取最近一次检查）");
        if (totals.isEmpty()) {
            out.append("，结果均无变化");
        } else {
            out.append("，其中 ").append(changes.size()).append(" 栋结果会变化：")
                    .append(totals.stream().map(Transition::summaryZh).collect(Collectors.joining("；")));
        }
        if (failed > 0) {
            out.append("。另有 ").append(failed).append(" 栋无法判定，见 failures");
        }
        return out.append("。").toString();
    }
}
