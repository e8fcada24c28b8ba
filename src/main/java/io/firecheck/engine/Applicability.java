package io.firecheck.engine;

import io.firecheck.engine.facts.Records;
import io.firecheck.engine.facts.RuleFunctions;
import io.firecheck.inspection.FireSystems;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.inspection.SystemStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * A rule's {@code @appliesWhen} conditions and {@code @needs}, parsed and with their paths resolved once per
     * rule set (RuleSet.Prepared): the not-assessed check runs them for every rule of every evaluation.
     */
    record Plan(RuleInfo rule, List<Condition> conditions, List<Need> needs) {
        static Plan of(RuleInfo rule) {
            return new Plan(rule, rule.appliesWhen().stream().map(Condition::of).toList(),
                    rule.needs().stream().map(Need::of).toList());
        }
    }

    /** The missing paths that keep a rule from being assessed: null when it does not apply, empty when assessed. */
    static List<String> missingFacts(Plan plan, InspectionDocument doc, ScopeResult scope, Thresholds th) {
        List<String> missing = null;
        for (Condition c : plan.conditions()) {
            Boolean holds = c.holds(doc, scope, th);
            if (holds == null) {
                missing = missing == null ? new ArrayList<>() : missing;
                for (Atom a : c.atoms()) {
                    if (a.value(doc, scope, th) == null) {
                        missing.add(a.path());
                    }
                }
            } else if (!holds) {
                return null;
            }
        }
        if (missing != null) {
            return missing.stream().flatMap(p -> DocumentPaths.missing(doc, p).stream()).distinct().toList();
        }
        List<String> out = null;
        for (Need need : plan.needs()) {
            for (String path : missingNeed(need, doc, scope)) {
                out = out == null ? new ArrayList<>() : out;
                if (!out.contains(path)) {
                    out.add(path);
                }
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    /** Whether a condition holds; empty when a fact it reads is absent (and the others do not decide it). */
    static Optional<Boolean> holds(String condition, InspectionDocument doc, ScopeResult scope, Thresholds th) {
        return Optional.ofNullable(Condition.of(condition).holds(doc, scope, th));
    }

    private static List<String> atoms(String condition) {
        return Arrays.stream(condition.split("[|&]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A condition as parsed once (conditions are few, and the same for every evaluation of a rule set):
     * alternatives joined by {@code |}, each a conjunction of atoms joined by {@code &}.
     */
    record Condition(List<List<Atom>> alternatives, List<Atom> atoms) {
        private static final Map<String, Condition> PARSED = new ConcurrentHashMap<>();

        static Condition of(String condition) {
            Condition c = PARSED.get(condition);
            return c != null ? c : PARSED.computeIfAbsent(condition, Condition::parse);
        }

        private static Condition parse(String condition) {
            List<List<Atom>> alternatives = new ArrayList<>();
            for (String alternative : condition.split("\\|")) {
                List<Atom> all = new ArrayList<>();
                for (String part : alternative.split("&")) {
                    all.add(Atom.parse(part.strip()));
                }
                alternatives.add(List.copyOf(all));
            }
            return new Condition(List.copyOf(alternatives), Applicability.atoms(condition).stream().map(Atom::parse).toList());
        }

        /** TRUE, FALSE, or null when a fact it reads is absent and the rest does not decide it. */
        Boolean holds(InspectionDocument doc, ScopeResult scope, Thresholds th) {
            boolean unknownAlternative = false;
            for (List<Atom> alternative : alternatives) {
                boolean unknown = false;
                boolean failed = false;
                for (Atom atom : alternative) {
                    Boolean v = atom.value(doc, scope, th);
                    if (v == null) {
                        unknown = true;
                    } else if (!v) {
                        failed = true;
                    }
                }
                if (!failed && !unknown) {
                    return Boolean.TRUE;
                }
                unknownAlternative |= !failed;
            }
            return unknownAlternative ? null : Boolean.FALSE;
        }
    }

    enum Kind { HIGH_RISE, SUPER_HIGH_RISE, CROWDED, ANY_PLACE, AT_PATH }

    /**
     * One atom: {@code arg} is the flag, the threshold list (ANY_PLACE) or the path (AT_PATH). An AT_PATH atom
     * holds when the value there is true, or with {@code expected}, when its text is {@code expected}
     * ({@code ==}, {@code equal}) or is not ({@code !=}).
     */
    record Atom(boolean negated, Kind kind, String arg, String expected, boolean equal) {
        static Atom parse(String condition) {
            boolean negated = condition.startsWith("!");
            String c = negated ? condition.substring(1).strip() : condition;
            switch (c) {
                case "highRise" -> { return new Atom(negated, Kind.HIGH_RISE, c, null, false); }
                case "superHighRise" -> { return new Atom(negated, Kind.SUPER_HIGH_RISE, c, null, false); }
                case "crowded" -> { return new Atom(negated, Kind.CROWDED, c, null, false); }
                default -> { }
            }
            Matcher m = ANY_PLACE.matcher(c);
            if (m.matches()) {
                return new Atom(negated, Kind.ANY_PLACE, m.group(1), null, false);
            }
            Matcher cmp = COMPARE.matcher(c);
            return cmp.matches() ? new Atom(negated, Kind.AT_PATH, cmp.group(1), cmp.group(3), "==".equals(cmp.group(2)))
                    : new Atom(negated, Kind.AT_PATH, c, null, false);
        }

        /** Where a missing fact is reported: the path, else the atom's text without {@code !}. */
        String path() {
            return kind == Kind.ANY_PLACE ? "anyPlace(" + arg + ")" : arg;
        }

        Boolean value(InspectionDocument doc, ScopeResult scope, Thresholds th) {
            Boolean v = switch (kind) {
                case HIGH_RISE -> scope.highRise();
                case SUPER_HIGH_RISE -> scope.superHighRise();
                case CROWDED -> scope.crowded();
                case ANY_PLACE -> RuleFunctions.anyPlace(doc.building().placeTypes(), th.list(arg));
                case AT_PATH -> {
                    // Path.of parses each path once; every later call is a map lookup of the string (per atom, per document)
                    Object x = DocumentPaths.valueOrNull(doc, DocumentPaths.Path.of(arg));
                    yield x == null ? null : expected == null ? Boolean.TRUE.equals(x) : x.toString().equals(expected) == equal;
                }
            };
            return v == null ? null : negated != v;
        }
    }

    /**
     * A system that is not required cannot be missing, whatever its status; one that is not installed
     * cannot be judged while its requirement is unknown.
     */
    private static List<String> missingNeed(Need need, InspectionDocument doc, ScopeResult scope) {
        if (need.system() == null) {
            return DocumentPaths.missing(doc, need.at());
        }
        Optional<RequiredSystem> requirement = scope.requirement(need.system());
        Boolean required = requirement.map(RequiredSystem::required).orElse(null);
        if (Boolean.FALSE.equals(required)) {
            return List.of();
        }
        Object status = DocumentPaths.valueOrNull(doc, need.at());
        if (status == null) {
            return DocumentPaths.missing(doc, need.at());
        }
        return status == SystemStatus.NOT_INSTALLED && required == null ? List.of(DESIGN + need.system()) : List.of();
    }

    /** A @needs entry as parsed once: a path, or requirement(system) with the path of the system's status. */
    record Need(DocumentPaths.Path at, String system) {
        private static final Map<String, Need> PARSED = new ConcurrentHashMap<>();

        static Need of(String need) {
            Need n = PARSED.get(need);
            return n != null ? n : PARSED.computeIfAbsent(need, t -> {
                Matcher m = REQUIREMENT.matcher(t);
                return m.matches() ? new Need(DocumentPaths.Path.of("fireSystems." + m.group(1)), m.group(1))
                        : new Need(DocumentPaths.Path.of(t), null);
            });
        }
    }
}
