package io.firecheck.engine;

import io.firecheck.engine.facts.RuleFunctions;
import io.firecheck.inspection.InspectionDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which rules that did not fire were nonetheless not assessed. A rule's {@code @appliesWhen}
 * lists conditions that must all hold for it to apply; its {@code @needs} lists the facts it reads.
 * A rule that applies and lacks a fact it needs is "not assessed", never silently passed.
 *
 * Conditions: a scope flag ({@code highRise}, {@code superHighRise}, {@code crowded}, optionally
 * negated with {@code !}), {@code anyPlace(<threshold list>)}, {@code <path>} (must be true),
 * {@code <path> == VALUE} or {@code <path> != VALUE}.
 */
final class Applicability {
    private static final Pattern ANY_PLACE = Pattern.compile("anyPlace\\(([A-Za-z0-9_.]+)\\)");
    private static final Pattern COMPARE = Pattern.compile("([A-Za-z0-9_.]+)\\s*(==|!=)\\s*([A-Z0-9_]+)");
    private static final List<String> FLAGS = List.of("highRise", "superHighRise", "crowded");

    private Applicability() {
    }

    /** Problem text for a condition that cannot be understood, else null. */
    static String problem(String condition, Thresholds thresholds) {
        String c = condition.startsWith("!") ? condition.substring(1) : condition;
        if (FLAGS.contains(c)) {
            return null;
        }
        if (condition.startsWith("!")) {
            return "only scope flags " + FLAGS + " can be negated with `!`, not `" + condition + "`";
        }
        Matcher m = ANY_PLACE.matcher(c);
        if (m.matches()) {
            return thresholds.entry(m.group(1)).isPresent() ? null
                    : "unknown threshold list `" + m.group(1) + "` in @appliesWhen";
        }
        m = COMPARE.matcher(c);
        String path = m.matches() ? m.group(1) : c;
        String pathProblem = DocumentPaths.problem(path);
        return pathProblem == null ? null : "@appliesWhen: " + pathProblem;
    }

    /** The missing paths that keep a rule from being assessed: null when it does not apply, empty when assessed. */
    static List<String> missingFacts(RuleInfo rule, InspectionDocument doc, ScopeResult scope, Thresholds th) {
        List<String> missing = new ArrayList<>();
        for (String condition : rule.appliesWhen()) {
            Optional<Boolean> holds = holds(condition, doc, scope, th);
            if (holds.isEmpty()) {
                missing.add(pathOf(condition));
            } else if (!holds.get()) {
                return null;
            }
        }
        if (!missing.isEmpty()) {
            return missing.stream().flatMap(p -> DocumentPaths.missing(doc, p).stream()).distinct().toList();
        }
        return rule.needs().stream().flatMap(p -> DocumentPaths.missing(doc, p).stream()).distinct().toList();
    }

    private static Optional<Boolean> holds(String condition, InspectionDocument doc, ScopeResult scope, Thresholds th) {
        boolean negated = condition.startsWith("!");
        String c = negated ? condition.substring(1) : condition;
        switch (c) {
            case "highRise" -> { return Optional.of(negated != scope.highRise()); }
            case "superHighRise" -> { return Optional.of(negated != scope.superHighRise()); }
            case "crowded" -> { return Optional.of(negated != scope.crowded()); }
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

    private static String pathOf(String condition) {
        Matcher m = COMPARE.matcher(condition);
        return m.matches() ? m.group(1) : condition;
    }
}
