package io.firecheck.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problems as sentences a fire officer can act on: Chinese first, English after " / ", and for compiler
 * messages the original Drools text kept beside them for an engineer. Misspelt fields, fact types and
 * threshold names get the nearest known name.
 */
final class CompileMessages {
    /** A pattern over the English text and how to say it in Chinese (the match and the rule set's names given). */
    private record Translation(Pattern pattern, BiFunction<Matcher, Names, String> zh) {
    }

    /** The names a misspelling is compared with. */
    record Names(Collection<String> thresholds) {
    }

    private static final String FACTS = "io.firecheck.engine.facts.";
    /** Said of a compiler message without a translation; one with a translation on the same line says more. */
    static final String UNEXPLAINED = "Drools 编译错误，见原文。";
    /** How a problem in a rule's {@code then} part begins. */
    static final String CONSEQUENCE = "then 部分（证据文字）";
    private static final List<String> FACT_TYPES = List.of("HighRise", "HighRiseClassOne", "SuperHighRise", "Crowded",
            "Fired", "ShaftEntry");

    private static final List<Translation> DROOLS = List.of(
            t("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)", (m, n) -> "`" + simple(m.group(1))
                    + "` 没有字段 `" + m.group(2) + "`，请对照 inspection-document.md 检查字段名。" + fieldHint(m.group(1), m.group(2))),
            t("Unable to (?:resolve|find) ObjectType '(\\w+)'", (m, n) -> "没有叫 `" + m.group(1) + "` 的事实类型。"
                    + Suggest.didYouMean(m.group(1), factTypes())),
            t("\\[ERR 10[0-9]\\] Line (\\d+):\\d+ mismatched input 'then'", (m, n) ->
                    "条件在 then 之前没有闭合：检查每个 ( 都有对应的 )。"),
            t("\\[ERR 10[0-9]\\] Line (\\d+):(\\d+) mismatched input '<EOF>'", (m, n) ->
                    "文件意外结束：规则是否缺少 end，或括号、引号没有闭合？"),
            t("\\[ERR 10[0-9]\\] Line (\\d+):(\\d+) ", (m, n) -> "第 " + m.group(2) + " 列附近有语法错误。"),
            t("Duplicate rule name: (.*)", (m, n) -> "规则名 " + m.group(1) + " 重复：所有文件中的规则名必须各不相同。"),
            t("Rule Compilation error", (m, n) -> CONSEQUENCE + "写法有误：检查引号、+ 号和分号。"));

    private static final List<Translation> CHECKS = List.of(
            t("unknown threshold list `(.+?)`", (m, n) -> "阈值列表 `" + m.group(1) + "` 在 thresholds.properties 中不存在。"
                    + Suggest.didYouMean(m.group(1), n.thresholds())),
            t("unknown threshold `(.+?)`", (m, n) -> "阈值 `" + m.group(1) + "` 在 thresholds.properties 中不存在：请添加它或改正名称。"
                    + Suggest.didYouMean(m.group(1), n.thresholds())),
            t("threshold `(.+?)` = `(.*?)` \\(.*line (\\d+)\\) is not a (whole )?number", (m, n) -> "阈值 `" + m.group(1)
                    + "` = `" + m.group(2) + "`（thresholds.properties 第 " + m.group(3) + " 行）不是"
                    + (m.group(4) == null ? "数字。" : "整数。")),
            t("expected `name = value`, found `(.*)`", (m, n) -> "应写成 `名称 = 值`，这一行是 `" + m.group(1) + "`。"),
            t("threshold name `(.+?)` may hold only", (m, n) -> "阈值名称 `" + m.group(1) + "` 只能包含字母、数字、'.' 和 '_'。"),
            t("threshold `(.+?)` has no value", (m, n) -> "阈值 `" + m.group(1) + "` 没有填写数值。"),
            t("threshold `(.+?)` is already defined on line (\\d+)", (m, n) -> "阈值 `" + m.group(1) + "` 已在第 "
                    + m.group(2) + " 行定义过。"),
            t("^missing: the rules folder must hold (.*)", (m, n) -> "规则目录中缺少 " + m.group(1) + "。"),
            t("^no \\.drl file", (m, n) -> "规则目录中没有 .drl 文件。"),
            t("^the rules folder does not exist", (m, n) -> "规则目录不存在。"),
            t("needs an @id such as", (m, n) -> "缺少 @id，例如 @id(\"SHAFT-WALL-RATING\")（大写字母、数字和 '-'）。"),
            t("unknown metadata @(\\w+)", (m, n) -> "不认识的元数据 @" + m.group(1) + "。"
                    + Suggest.didYouMean(m.group(1), metadataNames())),
            t("@(\\w+)\\(.*\\) differs from another rule with @id\\(\"(.+?)\"\\)", (m, n) -> "@" + m.group(1)
                    + " 与另一条同为 @id(\"" + m.group(2) + "\") 的规则写得不一样，应保持一致。"),
            t("lacks metadata: (.*)", (m, n) -> "缺少元数据：" + m.group(1) + "。"),
            t("@level\\(\"(.*?)\"\\) must be one of", (m, n) -> "@level(\"" + m.group(1)
                    + "\") 只能是 DIRECT、ELEMENT、GENERAL 或 SCOPE。"),
            t("unknown fact `(.+?)`", (m, n) -> "检查文档中没有字段 `" + m.group(1) + "`（见 inspection-document.md）。"
                    + Suggest.didYouMean(m.group(1), Suggest.documentPaths())),
            t("unknown field `(.+?)` in filter of `(.+?)`", (m, n) -> "`" + m.group(2) + "` 的筛选条件中没有字段 `"
                    + m.group(1) + "`。"),
            t("`(.+?)` has no field `(.+?)`", (m, n) -> "`" + m.group(1) + "` 没有字段 `" + m.group(2) + "`。"),
            t("`(.+?)` is not a list", (m, n) -> "`" + m.group(1) + "` 不是列表，后面不能写 `[]`。"),
            t("only scope flags", (m, n) -> "只有 highRise、superHighRise、crowded 可以用 `!` 取反。"));

    private static final Pattern RULE_PREFIX = Pattern.compile("^rule (?:\"([^\"]+)\"|([^\\s:]+))[: ]");

    private CompileMessages() {
    }

    private static Translation t(String regex, BiFunction<Matcher, Names, String> zh) {
        return new Translation(Pattern.compile(regex), zh);
    }

    /** A Drools compiler message: Chinese and English sentences, the Drools text kept as is. */
    static RuleProblem fromDrools(String file, int line, String text, String rule) {
        String in = rule == null ? "" : " in rule \"" + rule + "\"";
        String flat = text.replaceAll("\\s+", " ").strip();
        String zhRule = rule == null ? "" : "规则 \"" + rule + "\"：";
        for (Translation t : DROOLS) {
            Matcher m = t.pattern().matcher(flat);
            if (m.find()) {
                return new RuleProblem(file, line, zhRule + t.zh().apply(m, null) + " / " + english(m, flat) + in, flat);
            }
        }
        return new RuleProblem(file, line, zhRule + UNEXPLAINED + " / compile error" + in, flat);
    }

    /** The English sentence for a Drools message: short for the common ones, else the message itself. */
    private static String english(Matcher m, String flat) {
        String p = m.pattern().pattern();
        if (p.startsWith("unable to resolve method")) {
            return "unknown fact `" + m.group(2) + "`";
        }
        if (p.startsWith("Unable to")) {
            return "unknown fact type `" + m.group(1) + "`";
        }
        return shorten(flat);
    }

    /** A problem found by Firecheck's own checks (English): the Chinese sentence put first. */
    static RuleProblem forOfficers(RuleProblem p, Names names) {
        if (p.drools() != null || p.message().contains(" / ")) {
            return p; // already translated
        }
        String en = p.message();
        Matcher rule = RULE_PREFIX.matcher(en);
        String zhRule = rule.find() ? "规则 " + (rule.group(1) != null ? rule.group(1) : rule.group(2)) + "：" : "";
        for (Translation t : CHECKS) {
            Matcher m = t.pattern().matcher(en);
            if (m.find()) {
                String zh = zhRule + t.zh().apply(m, names)
                        + (en.contains("(the determination needs it)") ? "（判定步骤要用它）" : "");
                return new RuleProblem(p.file(), p.line(), zh + " / " + en, null);
            }
        }
        return new RuleProblem(p.file(), p.line(), zhRule + "规则目录中的问题 / " + en, null);
    }

    static List<RuleProblem> forOfficers(List<RuleProblem> problems, Names names) {
        List<RuleProblem> out = new ArrayList<>();
        problems.forEach(p -> out.add(forOfficers(p, names)));
        return out;
    }

    private static String fieldHint(String className, String field) {
        try {
            return Suggest.didYouMean(field, Suggest.fieldsOf(Class.forName(className)));
        } catch (ClassNotFoundException | LinkageError e) {
            return "";
        }
    }

    /** The fact types a rule may match: the document's sections and the engine's helper facts. */
    private static Collection<String> factTypes() {
        Collection<String> out = new TreeSet<>();
        for (String name : FACT_TYPES) {
            try {
                Class.forName(FACTS + name);
                out.add(name);
            } catch (ClassNotFoundException e) {
                // the helper facts change with the catalogue; offer only those that exist
            }
        }
        Suggest.documentTypes().forEach(c -> out.add(c.getSimpleName()));
        return out;
    }

    private static List<String> metadataNames() {
        List<String> out = new ArrayList<>(Metadata.REQUIRED);
        out.addAll(List.of("id", "appliesWhen", "needs"));
        return out;
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
