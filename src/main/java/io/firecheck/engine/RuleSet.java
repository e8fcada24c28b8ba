package io.firecheck.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * One compiled, immutable rule set: the shared KieBase, its catalogue and thresholds, and where it came
 * from. A reload builds a new RuleSet; evaluations hold on to the one they started with. {@code sources}
 * holds each file's text as compiled, so the set can be stored and compiled again elsewhere.
 */
public record RuleSet(
        String version,
        Instant loadedAt,
        String directory,
        List<String> files,
        Map<String, RuleInfo> catalogue,
        Thresholds thresholds,
        KieBase kieBase,
        Map<String, String> sources) {

    public java.util.Set<String> inspectionRuleIds() {
        return inspectionRules().stream().map(RuleInfo::id).collect(java.util.stream.Collectors.toSet());
    }

    /** Inspection rules only (no SCOPE rules), in catalogue order. */
    public List<RuleInfo> inspectionRules() {
        return catalogue.values().stream().filter(r -> r.level() != Level.SCOPE).toList();
    }
}
