package io.firecheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the catalogue from the compiled rules' metadata. Several DRL rules may share one {@code @id}
 * (variants of one inspection point); their metadata must then agree, and only one needs to carry it.
 */
final class Metadata {
    static final List<String> REQUIRED = List.of("area", "level", "titleZh", "title", "basis", "rectification");
    private static final List<String> KNOWN = List.of("id", "area", "level", "titleZh", "title", "basis",
            "rectification", "appliesWhen", "needs");

    private Metadata() {
    }

    static Map<String, RuleInfo> read(KieBase kieBase, Map<String, String> files, Thresholds th, List<RuleProblem> problems) {
        Map<String, Map<String, String>> merged = new TreeMap<>();
        Map<String, String> fileOfId = new LinkedHashMap<>();
        Map<String, Integer> lineOfId = new LinkedHashMap<>();
        for (Rule rule : rules(kieBase)) {
            String file = fileOf(rule);
            int line = lineOf(files.get(file), rule.getName());
            Map<String, Object> meta = rule.getMetaData();
            Object id = meta.get("id");
            if (id == null || !id.toString().matches("[A-Z0-9]+(-[A-Z0-9]+)*")) {
                problems.add(new RuleProblem(file, line, "rule \"" + rule.getName()
                        + "\" needs an @id such as @id(\"SHAFT-WALL-RATING\") (capital letters, digits and '-')"));
                continue;
            }
            Map<String, String> into = merged.computeIfAbsent(id.toString(), k -> new LinkedHashMap<>());
            fileOfId.putIfAbsent(id.toString(), file);
            lineOfId.putIfAbsent(id.toString(), line);
            meta.forEach((key, value) -> {
                if (!KNOWN.contains(key)) {
                    problems.add(new RuleProblem(file, line, "rule \"" + rule.getName() + "\": unknown metadata @" + key
                            + " (known: " + String.join(", ", KNOWN) + ")"));
                    return;
                }
                String text = value == null ? "" : value.toString();
                String before = into.putIfAbsent(key, text);
                if (before != null && !before.equals(text)) {
                    problems.add(new RuleProblem(file, line, "rule \"" + rule.getName() + "\": @" + key + "(\"" + text
                            + "\") differs from another rule with @id(\"" + id + "\") that says \"" + before + "\""));
                }
            });
        }
        Map<String, RuleInfo> catalogue = new LinkedHashMap<>();
        merged.forEach((id, meta) -> {
            RuleInfo info = toInfo(id, meta, fileOfId.get(id), lineOfId.get(id), th, problems);
            if (info != null) {
                catalogue.put(id, info);
            }
        });
        return sorted(catalogue);
    }

    private static RuleInfo toInfo(String id, Map<String, String> meta, String file, int line, Thresholds th,
                                   List<RuleProblem> problems) {
        List<String> absent = REQUIRED.stream().filter(k -> meta.getOrDefault(k, "").isBlank()).toList();
        if (!absent.isEmpty()) {
            problems.add(new RuleProblem(file, line, "rule " + id + " lacks metadata: @" + String.join(", @", absent)));
            return null;
        }
        Level level;
        try {
            level = Level.valueOf(meta.get("level"));
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(file, line, "rule " + id + ": @level(\"" + meta.get("level")
                    + "\") must be one of DIRECT, ELEMENT, GENERAL, SCOPE"));
            return null;
        }
        List<String> appliesWhen = split(meta.get("appliesWhen"));
        List<String> needs = split(meta.get("needs"));
        appliesWhen.forEach(c -> {
            String problem = Applicability.problem(c, th);
            if (problem != null) {
                problems.add(new RuleProblem(file, line, "rule " + id + ": " + problem));
            }
        });
        needs.forEach(p -> {
            String problem = DocumentPaths.problem(p);
            if (problem != null) {
                problems.add(new RuleProblem(file, line, "rule " + id + ": @needs: " + problem));
            }
        });
        return new RuleInfo(id, meta.get("area"), level, meta.get("titleZh"), meta.get("title"), meta.get("basis"),
                meta.get("rectification"), appliesWhen, needs, file);
    }

    /** Catalogue order: level, then id — the order findings are reported in. */
    private static Map<String, RuleInfo> sorted(Map<String, RuleInfo> catalogue) {
        Map<String, RuleInfo> out = new LinkedHashMap<>();
        catalogue.values().stream()
                .sorted(Comparator.comparing(RuleInfo::level).thenComparing(RuleInfo::id))
                .forEach(r -> out.put(r.id(), r));
        return out;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Rule> rules(KieBase kieBase) {
        List<Rule> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            out.addAll(pkg.getRules());
        }
        out.sort(Comparator.comparing(Rule::getName));
        return out;
    }

    private static String fileOf(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            String p = impl.getResource().getSourcePath().replace('\\', '/');
            int i = p.indexOf("firecheck/");
            return i >= 0 ? p.substring(i + "firecheck/".length()) : p;
        }
        return "?";
    }

    private static int lineOf(String text, String ruleName) {
        if (text == null) {
            return 0;
        }
        String[] lines = text.split("\n", -1);
        String needle = "rule \"" + ruleName + "\"";
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(needle)) {
                return i + 1;
            }
        }
        return 0;
    }
}
