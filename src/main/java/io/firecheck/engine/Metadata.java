package io.firecheck.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the catalogue from the compiled rules' metadata. Several DRL rules may share one {@code @id}
 * (variants of one inspection point); their metadata must then agree, and only one needs to carry it.
 */
final class Metadata {
    static final List<String> REQUIRED = List.of("area", "level", "titleZh", "title", "basis", "rectification");
    private static final List<String> KNOWN = List.of("id", "area", "level", "titleZh", "title", "basis",
            "rectification", "appliesWhen", "needs", "levelFrom", "levelBefore", "levelIf", "levelElse");

    private Metadata() {
    }

    static Map<String, RuleInfo> read(Collection<KiePackage> packages, Map<String, String> files, Thresholds th,
                                      List<RuleProblem> problems) {
        Map<String, Map<String, String>> merged = new TreeMap<>();
        Map<String, String> fileOfId = new LinkedHashMap<>();
        Map<String, Integer> lineOfId = new LinkedHashMap<>();
        for (Rule rule : rules(packages)) {
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
        Level level = level(id, "level", meta.get("level"), file, line, problems);
        if (level == null) {
            return null;
        }
        LocalDate levelFrom = null;
        Level levelBefore = null;
        if (meta.containsKey("levelFrom") || meta.containsKey("levelBefore")) {
            levelFrom = levelFrom(id, meta.get("levelFrom"), th, file, line, problems);
            levelBefore = level(id, "levelBefore", meta.get("levelBefore"), file, line, problems);
        }
        String levelIf = meta.get("levelIf");
        Level levelElse = null;
        if (levelIf != null || meta.containsKey("levelElse")) {
            levelElse = level(id, "levelElse", meta.get("levelElse"), file, line, problems);
            String problem = levelIf == null ? "@levelElse needs @levelIf" : Applicability.problem(levelIf, th);
            if (problem != null) {
                problems.add(new RuleProblem(file, line, "rule " + id + ": @levelIf: " + problem));
            }
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
            String problem = Applicability.needProblem(p);
            if (problem != null) {
                problems.add(new RuleProblem(file, line, "rule " + id + ": @needs: " + problem));
            }
        });
        return new RuleInfo(id, meta.get("area"), level, meta.get("titleZh"), meta.get("title"), meta.get("basis"),
                meta.get("rectification"), appliesWhen, needs, file, levelFrom, levelBefore, levelIf, levelElse);
    }

    private static Level level(String id, String key, String value, String file, int line, List<RuleProblem> problems) {
        try {
            return Level.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(file, line, "rule " + id + ": @" + key + "(\"" + (value == null ? "" : value)
                    + "\") must be one of DIRECT, ELEMENT, GENERAL, SCOPE"));
            return null;
        }
    }

    /** A date (2025-11-01) or the name of a date in thresholds.properties, so an edition's date is written once. */
    private static LocalDate levelFrom(String id, String value, Thresholds th, String file, int line, List<RuleProblem> problems) {
        String v = value == null ? "" : value.strip();
        try {
            return th.has(v) ? th.date(v) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new RuleProblem(file, line, "rule " + id + ": @levelFrom(\"" + v
                    + "\") must be a date such as 2025-11-01 or the name of one in " + Thresholds.FILE));
            return null;
        }
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

    private static List<Rule> rules(Collection<KiePackage> packages) {
        List<Rule> out = new ArrayList<>();
        for (KiePackage pkg : packages) {
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
