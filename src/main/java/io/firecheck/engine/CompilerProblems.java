package io.firecheck.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The compiler's error messages as the problems an officer reads: one per slip, translated, without repeats. */
final class CompilerProblems {
    private static final Pattern IN_RULE = Pattern.compile(" in rule \"[^\"]+\"");

    private CompilerProblems() {
    }

    /** Slips found in the text, each with the parser errors it explains; every other error on its own. */
    static List<RuleProblem> of(Map<String, String> drl, List<DrlCompiler.Error> errors) {
        List<RuleProblem> out = new ArrayList<>();
        Map<String, List<DrlSlips.Slip>> slipsByFile = new LinkedHashMap<>();
        // Drools has the last word: a slip is shown only where the compiler also failed
        errors.forEach(m -> slipsByFile.computeIfAbsent(m.file(), f -> DrlSlips.find(drl.getOrDefault(f, ""))));
        Map<DrlSlips.Slip, List<String>> explained = new LinkedHashMap<>();
        slipsByFile.values().forEach(list -> list.forEach(s -> explained.put(s, new ArrayList<>())));
        for (DrlCompiler.Error m : errors) {
            String file = m.file();
            String text = m.text().replaceAll("\\s+", " ").strip();
            if (text.contains("Parser returned a null Package") && errors.size() > 1) {
                continue; // follows a syntax error that is reported with its line
            }
            DrlSlips.Slip slip = text.contains("[ERR 1") ? slipsByFile.getOrDefault(file, List.of()).stream()
                    .filter(s -> s.covers(m.line())).findFirst().orElse(null) : null;
            if (slip != null) {
                explained.get(slip).add(text);
            } else {
                out.add(CompileMessages.fromDrools(file, m.line(), m.text(), RuleSetLoader.enclosingRule(drl.get(file), m.line())));
            }
        }
        slipsByFile.forEach((file, slips) -> slips.forEach(s -> out.add(new RuleProblem(file, s.line(), s.message(),
                explained.get(s).isEmpty() ? null : String.join(" | ", explained.get(s))))));
        return merged(out);
    }

    /**
     * Drools often says one thing several times (the same unknown field for each expression it appears in):
     * one problem per file, line and message, with every original text; an untranslated message joins a
     * translated one on its line.
     */
    private static List<RuleProblem> merged(List<RuleProblem> problems) {
        // the problems that say most come first, so the others can join them
        List<RuleProblem> telling = new ArrayList<>(problems);
        telling.sort(Comparator.comparing((RuleProblem p) -> p.message().contains(CompileMessages.CONSEQUENCE)
                || p.message().contains(CompileMessages.UNEXPLAINED)));
        List<RuleProblem> out = new ArrayList<>();
        for (RuleProblem p : telling) {
            int i = 0;
            while (i < out.size() && !repeats(p, out.get(i))) {
                i++;
            }
            if (i == out.size()) {
                out.add(p);
            } else {
                RuleProblem first = out.get(i);
                out.set(i, new RuleProblem(first.file(), first.line(), first.message(), first.drools() == null ? p.drools()
                        : p.drools() == null ? first.drools() : first.drools() + " | " + p.drools()));
            }
        }
        return out;
    }

    /** Whether {@code p} says nothing that {@code earlier} has not: same line and message, or only a consequence of it. */
    private static boolean repeats(RuleProblem p, RuleProblem earlier) {
        if (!p.file().equals(earlier.file())) {
            return false;
        }
        if (p.line() == earlier.line()
                && (p.message().equals(earlier.message()) || p.message().contains(CompileMessages.UNEXPLAINED))) {
            return true;
        }
        // a `then` that cannot see a variable because the condition declaring it failed
        Matcher rule = IN_RULE.matcher(p.message());
        return p.message().contains(CompileMessages.CONSEQUENCE) && rule.find() && earlier.message().contains(rule.group());
    }
}
