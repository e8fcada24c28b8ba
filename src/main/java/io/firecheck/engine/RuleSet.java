package io.firecheck.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.KieBase;

/**
 * One compiled, immutable rule set: the shared KieBase, its catalogue and thresholds, and where it came
 * from. A reload builds a new RuleSet; evaluations hold on to the one they started with. {@code sources}
 * holds each file's text as compiled, so the set can be stored and compiled again elsewhere.
 * {@code prepared} is what every evaluation needs, worked out once for this set (see {@link Prepared}).
 * The catalogue, not the KieBase, holds the rules' display metadata: a set that differs from the last one only in
 * wording shares its KieBase, whose rules keep the older text.
 */
public record RuleSet(
        String version,
        Instant loadedAt,
        String directory,
        List<String> files,
        Map<String, RuleInfo> catalogue,
        Thresholds thresholds,
        KieBase kieBase,
        Map<String, String> sources,
        Prepared prepared) {

    public RuleSet(String version, Instant loadedAt, String directory, List<String> files, Map<String, RuleInfo> catalogue,
                   Thresholds thresholds, KieBase kieBase, Map<String, String> sources) {
        this(version, loadedAt, directory, files, catalogue, thresholds, kieBase, sources, Prepared.of(catalogue, kieBase));
    }

    /**
     * The ids of the inspection rules, their not-assessed checks in rule id order, and the sessions of this set's
     * KieBase.
     */
    public record Prepared(Set<String> inspectionRuleIds, List<Applicability.Plan> plans,
                           SessionPool sessions) {
        static Prepared of(Map<String, RuleInfo> catalogue, KieBase kieBase) {
            return of(catalogue, kieBase, kieBase == null ? null : SessionPool.forMachine(kieBase));
        }

        /** With the sessions of another set of the same KieBase, which one pool serves. */
        static Prepared of(Map<String, RuleInfo> catalogue, KieBase kieBase, SessionPool sessions) {
            List<RuleInfo> rules = catalogue.values().stream().filter(r -> r.level() != Level.SCOPE).toList();
            return new Prepared(rules.stream().map(RuleInfo::id).collect(Collectors.toUnmodifiableSet()),
                    rules.stream().sorted(Comparator.comparing(RuleInfo::id)).map(Applicability.Plan::of).toList(),
                    sessions);
        }
    }

    public Set<String> inspectionRuleIds() {
        return prepared.inspectionRuleIds();
    }
}
