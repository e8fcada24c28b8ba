package io.firecheck.engine;

import io.firecheck.inspection.Building;
import io.firecheck.inspection.InspectionDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Steps 2–8 of the catalogue's determination (step 1, corrected on site, is applied to the findings
 * before they arrive here). The categories, their lines and the editions are data in thresholds.properties.
 */
final class Determination {
    static final String COUNT_ONCE = "determination.countOnce";
    static final String EDITIONS = "basis.editions";

    private Determination() {
    }

    record Outcome(Classification classification, DeterminationResult result) {
    }

    /**
     * anyNotAssessed: some applicable point was not assessed; notAssessedLevels: the level each of them (not
     * corrected on site) would have had on the inspection date.
     */
    static Outcome decide(List<Finding> findings, boolean anyNotAssessed, Map<String, Level> notAssessedLevels,
                          ScopeResult scope, InspectionDocument doc, Thresholds th) {
        List<String> direct = ids(findings, Level.DIRECT);
        List<String> elements = ids(findings, Level.ELEMENT);
        List<Categories.Line> lines = lines(th.derived(Categories.class, Categories::read), scope, doc, th);
        Categories.Line met = lines.stream().filter(l -> counted(l, elements).size() >= l.threshold()).findFirst().orElse(null);
        Categories.Line shown = met != null ? met : strictest(lines);

        DeterminationMethod method = !direct.isEmpty() ? DeterminationMethod.DIRECT
                : met != null ? DeterminationMethod.COMPREHENSIVE : DeterminationMethod.NONE;
        Building b = doc.building();
        boolean expert = Boolean.TRUE.equals(b.expertReviewMeasuresInPlace());
        boolean outOfUse = Boolean.TRUE.equals(b.outOfUse());
        Exclusion exclusion = method == DeterminationMethod.NONE ? null
                : expert ? Exclusion.EXPERT_REVIEW : outOfUse ? Exclusion.OUT_OF_USE : null;
        Classification classification = method != DeterminationMethod.NONE && exclusion == null ? Classification.MAJOR_HAZARD
                : !findings.isEmpty() ? Classification.GENERAL_HAZARD
                : anyNotAssessed ? Classification.INCOMPLETE
                : Classification.COMPLIANT;

        List<String> mayBeMajorIf = List.of();
        boolean undecided = classification == Classification.GENERAL_HAZARD || classification == Classification.INCOMPLETE;
        if (undecided && !expert && !outOfUse) {
            mayBeMajorIf = mayBeMajorIf(lines, elements, notAssessedLevels, th);
        }
        return new Outcome(classification, new DeterminationResult(method, direct, counted(shown, elements),
                shown.threshold(), shown.rule().zh(), shown.rule().en(), exclusion, !mayBeMajorIf.isEmpty(), mayBeMajorIf,
                basis(th, doc.inspection().date())));
    }

    /** The lines of every category the building belongs to, in the data's order. */
    private static List<Categories.Line> lines(Categories categories, ScopeResult scope, InspectionDocument doc, Thresholds th) {
        List<Categories.Line> out = new ArrayList<>();
        boolean any = false;
        for (Categories.Category c : categories.all()) {
            if (!Categories.OTHERWISE.equals(c.when()) && holds(c.when(), scope, doc, th)) {
                out.addAll(c.lines());
                any = true;
            }
        }
        if (!any) {
            categories.all().stream().filter(c -> Categories.OTHERWISE.equals(c.when())).forEach(c -> out.addAll(c.lines()));
        }
        if (out.isEmpty()) {
            // no category matched and none is "otherwise": the first category's lines still say what was counted
            out.addAll(categories.all().get(0).lines());
        }
        return out;
    }

    private static boolean holds(String when, ScopeResult scope, InspectionDocument doc, Thresholds th) {
        return Applicability.holds(when, doc, scope, th).orElse(false);
    }

    /**
     * The first category's strictest line, the one that asks for the most elements (its any-kind line in the
     * shipped data): it counts every element found, so the result shows them all against its threshold.
     */
    private static Categories.Line strictest(List<Categories.Line> lines) {
        Categories.Line best = lines.get(0);
        for (Categories.Line l : lines) {
            if (l.threshold() > best.threshold()) {
                best = l;
            }
        }
        return best;
    }

    private static List<String> counted(Categories.Line line, List<String> elements) {
        return line.keyElements() == null ? elements : elements.stream().filter(line.keyElements()::contains).toList();
    }

    /**
     * Step 8: the rules not assessed that could still reach a line, or decide directly. The FAULTY and
     * MISSING rules of one system cannot both fire, so they count once.
     */
    private static List<String> mayBeMajorIf(List<Categories.Line> lines, List<String> elements,
                                             Map<String, Level> notAssessed, Thresholds th) {
        TreeSet<String> out = new TreeSet<>();
        notAssessed.forEach((id, level) -> {
            if (level == Level.DIRECT) {
                out.add(id);
            }
        });
        Map<String, String> group = th.derived(COUNT_ONCE, Determination::countOnceGroups);
        for (Categories.Line line : lines) {
            List<String> counted = counted(line, elements);
            TreeSet<String> countedGroups = new TreeSet<>();
            counted.forEach(id -> countedGroups.add(group.getOrDefault(id, id)));
            List<String> open = notAssessed.entrySet().stream()
                    .filter(e -> e.getValue() == Level.ELEMENT)
                    .map(Map.Entry::getKey)
                    .filter(id -> line.keyElements() == null || line.keyElements().contains(id))
                    .filter(id -> !countedGroups.contains(group.getOrDefault(id, id)))
                    .toList();
            long openGroups = open.stream().map(id -> group.getOrDefault(id, id)).distinct().count();
            if (counted.size() + openGroups >= line.threshold()) {
                out.addAll(open);
            }
        }
        return List.copyOf(out);
    }

    /** rule id → its group's first id, from "A B, C D" (each comma-separated group counts once). */
    private static Map<String, String> countOnceGroups(Thresholds th) {
        Map<String, String> out = new HashMap<>();
        if (th.has(COUNT_ONCE)) {
            for (String g : th.list(COUNT_ONCE)) {
                String[] ids = g.strip().split("\\s+");
                for (String id : ids) {
                    out.put(id, ids[0]);
                }
            }
        }
        return out;
    }

    /** The edition in force on the inspection date: the last of basis.editions whose `from` is not after it. */
    static DeterminationResult.Basis basis(Thresholds th, LocalDate date) {
        Edition chosen = null;
        for (Edition e : th.derived(EDITIONS, Determination::editions)) {
            if (chosen == null || e.from() == null || date == null || !date.isBefore(e.from())) {
                chosen = e;
            }
        }
        return chosen.basis();
    }

    /** One of basis.editions, read once per rule set; {@code from} is null when the edition names none. */
    private record Edition(LocalDate from, DeterminationResult.Basis basis) {
    }

    private static List<Edition> editions(Thresholds th) {
        return th.list(EDITIONS).stream().map(e -> new Edition(th.has("basis." + e + ".from") ? th.date("basis." + e + ".from") : null,
                new DeterminationResult.Basis(th.text("basis." + e + ".standard"),
                        Boolean.parseBoolean(th.text("basis." + e + ".provisional"))))).toList();
    }

    private static List<String> ids(List<Finding> findings, Level level) {
        return findings.stream().filter(f -> f.level() == level).map(Finding::ruleId).distinct().sorted().toList();
    }
}
