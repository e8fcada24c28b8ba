package io.firecheck.engine;

import io.firecheck.engine.facts.Crowded;
import io.firecheck.engine.facts.Findings;
import io.firecheck.engine.facts.HighRise;
import io.firecheck.engine.facts.HighRiseClassOne;
import io.firecheck.engine.facts.Requirement;
import io.firecheck.engine.facts.ShaftEntry;
import io.firecheck.engine.facts.SuperHighRise;
import io.firecheck.inspection.InspectionDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.kie.api.runtime.KieSession;

/**
 * Evaluates one inspection document under one rule set. Each call uses its own session on the shared,
 * immutable KieBase, so any number of threads may evaluate at once. The same input and rule set always
 * give the same output.
 */
public final class Evaluator {
    /** A rule set that keeps firing is a rule-authoring mistake; stop it instead of hanging. */
    static final int MAX_FIRINGS = 10_000;
    /** The fire systems whose requirement the SCOPE-REQUIRED rules settle, in the order the result lists them. */
    static final String REQUIRED_SYSTEMS = "required.systems";

    public EvaluationResult evaluate(RuleSet ruleSet, InspectionDocument doc) {
        Findings findings = new Findings();
        SessionPool sessions = ruleSet.prepared().sessions();
        KieSession session = sessions.take();
        ScopeResult scope;
        boolean settled = false;
        try {
            session.setGlobal("th", ruleSet.thresholds());
            session.setGlobal("findings", findings);
            for (Object fact : facts(doc)) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + fired + " times without settling; a rule keeps re-triggering itself");
            }
            scope = scope(session, ruleSet.thresholds());
            settled = true;
        } finally {
            if (settled) {
                sessions.giveBack(session);
            } else {
                sessions.discard(session);
            }
        }
        Set<String> corrected = Set.copyOf(doc.inspection().correctedOnSiteOrEmpty());
        Function<RuleInfo, Level> levelOf = levels(doc, scope, ruleSet.thresholds());
        List<Finding> found = findings(ruleSet, findings.evidenceByRule(), corrected, levelOf);
        List<NotAssessed> notAssessed = notAssessed(ruleSet, doc, scope, findings.evidenceByRule().keySet());
        Map<String, Level> notAssessedLevels = new LinkedHashMap<>();
        notAssessed.stream().filter(n -> !corrected.contains(n.ruleId()))
                .forEach(n -> notAssessedLevels.put(n.ruleId(), levelOf.apply(ruleSet.catalogue().get(n.ruleId()))));
        Determination.Outcome outcome = Determination.decide(found, !notAssessed.isEmpty(), notAssessedLevels, scope, doc,
                ruleSet.thresholds());
        return new EvaluationResult(ruleSet.version(), scope, outcome.classification(), outcome.result(), found, notAssessed);
    }

    private static List<Object> facts(InspectionDocument doc) {
        List<Object> facts = new ArrayList<>();
        Stream.of(doc.inspection(), doc.building(), doc.exteriorInsulation(), doc.fireSystems(), doc.evacuation(),
                doc.fireSeparation(), doc.rescueAccess(), doc.electricalAndGas(), doc.controlRoom(), doc.microFireStation(), doc.eBikes(),
                doc.management()).forEach(f -> addIfPresent(facts, f));
        if (doc.microFireStation() != null) {
            addIfPresent(facts, doc.microFireStation().readiness());
        }
        if (doc.eBikes() != null) {
            addIfPresent(facts, doc.eBikes().centralShed());
        }
        if (doc.shafts() != null) {
            for (int i = 0; i < doc.shafts().size(); i++) {
                facts.add(new ShaftEntry(i + 1, doc.shafts().get(i)));
            }
        }
        return facts;
    }

    private static void addIfPresent(List<Object> facts, Object fact) {
        if (fact != null) {
            facts.add(fact);
        }
    }

    /** A finding's level on the inspection date and for this building (@levelFrom, @levelIf). */
    private static Function<RuleInfo, Level> levels(InspectionDocument doc, ScopeResult scope, Thresholds th) {
        return rule -> rule.levelOn(doc.inspection().date(), c -> Applicability.holds(c, doc, scope, th).orElse(false));
    }

    /** The scope facts the rules inserted, read in one pass over the session's facts. */
    private static ScopeResult scope(KieSession session, Thresholds th) {
        String category = null;
        boolean classOne = false;
        boolean superHighRise = false;
        boolean crowded = false;
        Map<String, Requirement> bySystem = new HashMap<>();
        for (Object o : session.getObjects()) {
            if (o instanceof HighRise h) {
                category = category == null || h.category().compareTo(category) < 0 ? h.category() : category;
            } else if (o instanceof HighRiseClassOne) {
                classOne = true;
            } else if (o instanceof SuperHighRise) {
                superHighRise = true;
            } else if (o instanceof Crowded) {
                crowded = true;
            } else if (o instanceof Requirement r) {
                bySystem.putIfAbsent(r.system(), r);
            }
        }
        boolean highRise = category != null;
        Integer highRiseClass = !highRise ? null : classOne ? 1 : 2;
        return new ScopeResult(highRise ? category : ScopeResult.NOT_HIGH_RISE, highRiseClass, superHighRise, crowded,
                requiredSystems(bySystem, th));
    }

    /** The settled requirements, in the order of the systems list in thresholds.properties. */
    private static List<RequiredSystem> requiredSystems(Map<String, Requirement> bySystem, Thresholds th) {
        return th.list(REQUIRED_SYSTEMS).stream().filter(bySystem::containsKey).map(bySystem::get)
                .map(r -> new RequiredSystem(r.system(), r.required(), r.source())).toList();
    }

    /** Step 1 of the determination: a hazard corrected during the visit stays, as GENERAL. */
    private static List<Finding> findings(RuleSet ruleSet, Map<String, List<String>> evidence, Set<String> corrected,
                                          Function<RuleInfo, Level> levelOf) {
        List<Finding> out = new ArrayList<>();
        evidence.forEach((id, pieces) -> {
            RuleInfo rule = ruleSet.catalogue().get(id);
            if (rule == null || rule.level() == Level.SCOPE) {
                return;
            }
            boolean fixed = corrected.contains(id);
            out.add(new Finding(id, rule.area(), fixed ? Level.GENERAL : levelOf.apply(rule), rule.titleZh(), rule.title(),
                    String.join("；", pieces), rule.basis(), rule.rectification(), fixed));
        });
        out.sort(Comparator.comparing(Finding::level).thenComparing(Finding::ruleId));
        return out;
    }

    private static List<NotAssessed> notAssessed(RuleSet ruleSet, InspectionDocument doc, ScopeResult scope, Set<String> fired) {
        List<NotAssessed> out = new ArrayList<>();
        for (Applicability.Plan plan : ruleSet.prepared().plans()) { // in rule id order, the order of the result
            if (fired.contains(plan.rule().id())) {
                continue;
            }
            List<String> missing = Applicability.missingFacts(plan, doc, scope, ruleSet.thresholds());
            if (missing != null && !missing.isEmpty()) {
                out.add(new NotAssessed(plan.rule().id(), missing));
            }
        }
        return out;
    }
}
