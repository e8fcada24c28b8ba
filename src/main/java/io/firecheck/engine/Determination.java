package io.firecheck.engine;

import io.firecheck.engine.facts.RuleFunctions;
import io.firecheck.inspection.Building;
import java.util.List;

/**
 * Steps 2–7 of the catalogue's determination (step 1, corrected on site, is applied to the findings
 * before they arrive here). Every number comes from thresholds.properties.
 */
final class Determination {
    private static final ThresholdRuleText CROWDED = new ThresholdRuleText("人员密集场所", "crowded building");
    private static final ThresholdRuleText HAZMAT = new ThresholdRuleText("易燃易爆危险品场所", "hazardous-materials place");
    private static final ThresholdRuleText OTHER = new ThresholdRuleText("其他建筑", "other buildings");

    private Determination() {
    }

    record Outcome(Classification classification, DeterminationResult result) {
    }

    static Outcome decide(List<Finding> findings, boolean anyNotAssessed, ScopeResult scope, Building building, Thresholds th) {
        List<String> direct = ids(findings, Level.DIRECT);
        List<String> elements = ids(findings, Level.ELEMENT);

        Count count = count(elements, scope, building, th);
        String method = !direct.isEmpty() ? "DIRECT" : count.reached() ? "COMPREHENSIVE" : "NONE";
        String exclusion = null;
        if (!"NONE".equals(method)) {
            exclusion = Boolean.TRUE.equals(building.expertReviewMeasuresInPlace()) ? "EXPERT_REVIEW"
                    : Boolean.TRUE.equals(building.outOfUse()) ? "OUT_OF_USE" : null;
            if (exclusion != null) {
                method = "NONE";
            }
        }
        Classification classification = !"NONE".equals(method) ? Classification.MAJOR_HAZARD
                : !findings.isEmpty() ? Classification.GENERAL_HAZARD
                : anyNotAssessed ? Classification.INCOMPLETE
                : Classification.COMPLIANT;
        return new Outcome(classification,
                new DeterminationResult(method, direct, count.counted(), count.threshold(), count.rule().zh(), count.rule().en(),
                        exclusion));
    }

    private record Count(List<String> counted, int threshold, ThresholdRuleText rule, boolean reached) {
        static Count of(List<String> counted, int threshold, ThresholdRuleText rule) {
            return new Count(counted, threshold, rule, counted.size() >= threshold);
        }
    }

    private static Count count(List<String> elements, ScopeResult scope, Building building, Thresholds th) {
        if (scope.crowded()) {
            List<String> keyIds = th.list("determination.crowded.keyElements");
            List<String> key = elements.stream().filter(keyIds::contains).toList();
            int keyThreshold = th.count("determination.crowded.keyThreshold");
            if (key.size() >= keyThreshold) {
                return Count.of(key, keyThreshold, ThresholdRuleText.keyElements(CROWDED, keyThreshold, keyIds));
            }
            int any = th.count("determination.crowded.anyThreshold");
            return Count.of(elements, any, ThresholdRuleText.anyElements(CROWDED, any));
        }
        if (RuleFunctions.anyPlace(building.placeTypes(), th.list("determination.hazmat.places"))) {
            int any = th.count("determination.hazmat.anyThreshold");
            return Count.of(elements, any, ThresholdRuleText.anyElements(HAZMAT, any));
        }
        int any = th.count("determination.other.anyThreshold");
        return Count.of(elements, any, ThresholdRuleText.anyElements(OTHER, any));
    }

    private static List<String> ids(List<Finding> findings, Level level) {
        return findings.stream().filter(f -> f.level() == level).map(Finding::ruleId).distinct().sorted().toList();
    }
}
