package io.firecheck.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** docs/rules.md: the catalogue as fire officers read it, generated from the rules folder. */
public final class CatalogueDoc {
    private CatalogueDoc() {
    }

    public static String render(RuleSet set) {
        StringBuilder md = new StringBuilder();
        md.append("# 检查规则目录 Rule catalogue\n\n");
        md.append("Generated from `rules/` by `bin/firecheck catalogue`; a test fails when it no longer matches the rules.\n");
        md.append("Levels: **DIRECT** 直接判定要素 (alone makes a major hazard) · **ELEMENT** 综合判定要素 (counts toward the ")
                .append("comprehensive threshold) · **GENERAL** 一般火灾隐患 · **SCOPE** 范围判定 (no finding).\n\n");
        md.append(set.catalogue().size()).append(" rules.\n");
        Map<String, List<RuleInfo>> byFile = new TreeMap<>(set.catalogue().values().stream()
                .collect(Collectors.groupingBy(RuleInfo::file)));
        byFile.forEach((file, rules) -> {
            md.append("\n## ").append(rules.get(0).area()).append(" — `").append(file).append("`\n\n");
            md.append("| id | level | 名称 | title | basis | applies when | needs |\n|---|---|---|---|---|---|---|\n");
            rules.stream().sorted(java.util.Comparator.comparing(RuleInfo::id)).forEach(r -> md.append("| ")
                    .append(r.id()).append(" | ").append(level(r)).append(" | ").append(cell(r.titleZh())).append(" | ")
                    .append(cell(r.title())).append(" | ").append(cell(r.basis())).append(" | ")
                    .append(cell(String.join(", ", r.appliesWhen()))).append(" | ")
                    .append(cell(String.join(", ", r.needs()))).append(" |\n"));
        });
        md.append("\n## 阈值 Thresholds (`thresholds.properties`)\n\n| name | value |\n|---|---|\n");
        set.thresholds().asMap().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
        return md.toString();
    }

    /** "ELEMENT (GENERAL before 2025-11-01)", "ELEMENT (GENERAL unless crowded)": a level that depends on date or building. */
    private static String level(RuleInfo r) {
        String out = r.level().name();
        if (r.levelFrom() != null) {
            out += " (" + r.levelBefore() + " before " + r.levelFrom() + ")";
        }
        if (r.levelIf() != null) {
            out += " (" + r.levelElse() + " unless " + r.levelIf() + ")";
        }
        return cell(out);
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}
