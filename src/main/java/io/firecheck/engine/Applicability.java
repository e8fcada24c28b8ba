package io.firecheck.engine;

import io.firecheck.engine.facts.Records;
import io.firecheck.engine.facts.RuleFunctions;
import io.firecheck.inspection.FireSystems;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.inspection.SystemStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which rules that did not fire were nonetheless not assessed. A rule's {@code @appliesWhen}
 * lists conditions that must all hold for it to apply; its {@code @needs} lists the facts it reads.
 * A rule that applies and lacks a fact it needs is "not assessed", never silently passed.
 *
 * Conditions: a scope flag ({@code highRise}, {@code superHighRise}, {@code crowded}),
 * {@code anyPlace(<threshold list>)}, {@code <path>} (must be true), {@code <path> == VALUE} or
 * {@code <path> != VALUE}; any of them negated with {@code !}; joined with {@code &} (all) and
 * {@code |} (any; {@code &} binds tighter). A need is a path, or {@code requirement(<system>)}: the
 * system's status, and where it is not installed, whether the codes require it.
 */
final class Applicability {
    private static final Pattern ANY_PLACE = Pattern.compile("anyPlace\\(([A-Za-z0-9_.]+)\\)");
    private static final Pattern REQUIREMENT = Pattern.compile("requirement\\(([A-Za-z]+)\\)");
    private static final Pattern COMPARE = Pattern.compile("([A-Za-z0-9_.]+)\\s*(==|!=)\\s*([A-Za-z0-9_]+)");
    private static final List<String> FLAGS = List.of("highRise", "superHighRise", "crowded");
    private static final String DESIGN = "fireSystems.requiredByDesign.";

    private Applicability() {
    }

    /** Problem text for a condition that cannot be understood, else null. */
    static String problem(String condition, Thresholds thresholds) {
        for (String part : atoms(condition)) {
            String c = part.startsWith("!") ? part.substring(1).strip() : part;
            if (FLAGS.contains(c)) {
                continue;
            }
            Matcher m = ANY_PLACE.matcher(c);
            if (m.matches()) {
                if (thresholds.entry(m.group(1)).isEmpty()) {
                    return "unknown threshold list `" + m.group(1) + "` in @appliesWhen";
                }
                continue;
            }
            m = COMPARE.matcher(c);
            String pathProblem = DocumentPaths.problem(m.matches() ? m.group(1) : c);
            if (pathProblem != null) {
                return "@appliesWhen: " + pathProblem;
            }
        }
        return null;
    }

    /** Problem text for a @needs entry that names no fact, else null. */
    static String needProblem(String need) {
        Matcher m = REQUIREMENT.matcher(need);
        if (m.matches()) {
            return Records.hasField(FireSystems.RequiredByDesign.class, m.group(1)) ? null
                    : "`" + need + "` names no fire system of fireSystems.requiredByDesign";
        }
        return DocumentPaths.problem(need);
    }

    /** The missing paths that keep a rule from being assessed: null when it does not apply, empty when assessed. */
    static List<String> missingFacts(RuleInfo rule, InspectionDocument doc, ScopeResult scope, Thresholds th) {
        List<String> missing = new ArrayList<>();
        for (String condition : rule.appliesWhen()) {
            Optional<Boolean> holds = holds(condition, doc, scope, th);
            if (holds.isEmpty()) {
                atoms(condition).stream().filter(a -> atom(a, doc, scope, th).isEmpty()).map(Applicability::pathOf)
                        .forEach(missing::add);
            } else if (!holds.get()) {
                return null;
            }
        }
        if (!missing.isEmpty()) {
            return missing.stream().flatMap(p -> DocumentPaths.missing(doc, p).stream()).distinct().toList();
        }
        return rule.needs().stream().flatMap(p -> missingNeed(p, doc, scope).stream()).distinct().toList();
    }

    /** Whether a condition holds; empty when a fact it reads is absent (and the others do not decide it). */
    static Optional<Boolean> holds(String condition, InspectionDocument doc, ScopeResult scope, Thresholds th) {
        boolean unknownAlternative = false;
        for (String alternative : condition.split("\\|")) {
            boolean unknown = false;
            boolean failed = false;
            for (String part : alternative.split("&")) {
                Optional<Boolean> v = atom(part.strip(), doc, scope, th);
                if (v.isEmpty()) {
                    unknown = true;
                } else if (!v.get()) {
                    failed = true;
                }
            }
            if (!failed && !unknown) {
                return Optional.of(true);
            }
            unknownAlternative |= !failed;
        }
        return unknownAlternative ? Optional.empty() : Optional.of(false);
    }

    private static List<String> atoms(String condition) {
        return Arrays.stream(condition.split("[|&]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<Boolean> atom(String condition, InspectionDocument doc, ScopeResult scope, Thresholds th) {
        boolean negated = condition.startsWith("!");
        String c = negated ? condition.substring(1).strip() : condition;
        return plainAtom(c, doc, scope, th).map(v -> negated != v);
    }

    private static Optional<Boolean> plainAtom(String c, InspectionDocument doc, ScopeResult scope, Thresholds th) {
        switch (c) {
            case "highRise" -> { return Optional.of(scope.highRise()); }
            case "superHighRise" -> { return Optional.of(scope.superHighRise()); }
            case "crowded" -> { return Optional.of(scope.crowded()); }
            default -> { }
        }
        Matcher m = ANY_PLACE.matcher(c);
        if (m.matches()) {
            return Optional.of(RuleFunctions.anyPlace(doc.building().placeTypes(), th.list(m.group(1))));
        }
        Matcher cmp = COMPARE.matcher(c);
        if (cmp.matches()) {
            boolean equal = "==".equals(cmp.group(2));
            String expected = cmp.group(3);
            return DocumentPaths.value(doc, cmp.group(1)).map(v -> v.toString().equals(expected) == equal);
        }
        return DocumentPaths.value(doc, c).map(Boolean.TRUE::equals);
    }

    /**
     * A system that is not required cannot be missing, whatever its status; one that is not installed
     * cannot be judged while its requirement is unknown.
     */
    private static List<String> missingNeed(String need, InspectionDocument doc, ScopeResult scope) {
        Matcher m = REQUIREMENT.matcher(need);
        if (!m.matches()) {
            return DocumentPaths.missing(doc, need);
        }
        String system = m.group(1);
        Optional<RequiredSystem> requirement = scope.requirement(system);
        Boolean required = requirement.map(RequiredSystem::required).orElse(null);
        if (Boolean.FALSE.equals(required)) {
            return List.of();
        }
        Optional<Object> status = DocumentPaths.value(doc, "fireSystems." + system);
        if (status.isEmpty()) {
            return DocumentPaths.missing(doc, "fireSystems." + system);
        }
        return status.get() == SystemStatus.NOT_INSTALLED && required == null ? List.of(DESIGN + system) : List.of();
    }

    private static String pathOf(String condition) {
        String c = condition.startsWith("!") ? condition.substring(1).strip() : condition;
        Matcher m = COMPARE.matcher(c);
        return m.matches() ? m.group(1) : c;
    }
}
