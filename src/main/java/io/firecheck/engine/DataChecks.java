package io.firecheck.engine;

import io.firecheck.engine.facts.Records;
import io.firecheck.inspection.FireSystems;
import java.util.ArrayList;
import java.util.List;

/**
 * The named values Java reads by pattern rather than by a literal name in a rule (categories, editions,
 * fire systems), checked when the rule set loads so that a typo is a load problem, not a 500 later.
 */
final class DataChecks {
    private DataChecks() {
    }

    static List<String> problems(Thresholds th) {
        List<String> out = new ArrayList<>(Categories.problems(th));
        editions(th, out);
        requiredSystems(th, out);
        return out;
    }

    private static void editions(Thresholds th, List<String> out) {
        if (!need(th, Determination.EDITIONS, "list", out)) {
            return;
        }
        for (String e : th.list(Determination.EDITIONS)) {
            String p = "basis." + e + ".";
            need(th, p + "standard", "text", out);
            if (need(th, p + "provisional", "text", out) && !th.text(p + "provisional").matches("true|false")) {
                out.add("`" + p + "provisional` must be true or false");
            }
            if (th.has(p + "from")) {
                need(th, p + "from", "date", out);
            }
        }
    }

    private static void requiredSystems(Thresholds th, List<String> out) {
        if (!need(th, Evaluator.REQUIRED_SYSTEMS, "list", out)) {
            return;
        }
        for (String s : th.list(Evaluator.REQUIRED_SYSTEMS)) {
            if (!Records.hasField(FireSystems.RequiredByDesign.class, s)) {
                out.add("`" + Evaluator.REQUIRED_SYSTEMS + "`: `" + s + "` is not a field of fireSystems.requiredByDesign");
            }
            need(th, "required.label." + s, "text", out);
        }
    }

    static boolean need(Thresholds th, String name, String kind, List<String> out) {
        String problem = th.kindProblem(name, kind);
        if (problem != null) {
            out.add(problem);
        }
        return problem == null;
    }
}
