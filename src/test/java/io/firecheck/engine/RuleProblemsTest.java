package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.ShippedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slips a fire officer makes, on a small rule set of the tests' own: what validate tells them. */
class RuleProblemsTest {
    @TempDir
    Path temp;
    Path rules;
    Path drl;

    @BeforeEach
    void copy() {
        rules = ShippedRules.copy(Path.of("src/test/resources/small-rules/rules"), temp.resolve("rules"));
        drl = rules.resolve("station.drl");
    }

    List<RuleProblem> problems() {
        return assertThrows(RuleSetInvalidException.class, () -> new RuleSetLoader().load(rules)).problems();
    }

    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void fullWidthQuotesAreOneProblemWithTheirLineAndTheDroolsText() throws IOException {
        ShippedRules.edit(drl, "th.count(\"station.maxArrivalSeconds\")", "th.count(“station.maxArrivalSeconds”)");
        List<RuleProblem> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        RuleProblem p = problems.get(0);
        assertEquals("station.drl", p.file());
        assertEquals(lineOf(drl, "“station"), p.line());
        assertTrue(p.message().contains("全角") && p.message().contains("“ → \""), p.message());
        assertNotNull(p.drools(), "the original parser message is kept");
        assertTrue(p.drools().contains("no viable alternative"), p.drools());
    }

    @Test
    void fullWidthParenthesesAndCommasAreNamed() throws IOException {
        ShippedRules.edit(drl, "(present == true, members < th.count(\"station.minMembers\")", "（present == true， members < th.count(\"station.minMembers\")");
        RuleProblem p = problems().get(0);
        assertEquals(lineOf(drl, "（present"), p.line());
        assertTrue(p.message().contains("（ → (") && p.message().contains("， → ,"), p.message());
    }

    @Test
    void fullWidthPunctuationInsideAStringIsFine() throws Exception {
        ShippedRules.edit(drl, "findings.add(kcontext, $s + \" s\");", "findings.add(kcontext, \"到场（演练），\" + $s + \" s\");");
        assertEquals(2, new RuleSetLoader().load(rules).catalogue().size());
    }

    @Test
    void aMissingEndNamesTheRule() throws IOException {
        String text = Files.readString(drl);
        int first = text.indexOf("end\n");
        Files.writeString(drl, text.substring(0, first) + text.substring(first + 4));
        List<RuleProblem> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(lineOf(drl, "rule \"T-ARRIVAL\""), problems.get(0).line());
        assertTrue(problems.get(0).message().contains("T-ARRIVAL") && problems.get(0).message().contains("缺少结尾的 end"),
                problems.get(0).message());
        assertNotNull(problems.get(0).drools());
    }

    @Test
    void anUnbalancedParenthesisNamesItsLine() throws IOException {
        ShippedRules.edit(drl, "$m : members)", "$m : members");
        List<RuleProblem> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(lineOf(drl, "$m : members"), problems.get(0).line());
        assertTrue(problems.get(0).message().contains("( 没有对应的 )"), problems.get(0).message());
    }

    @Test
    void aMisspeltFieldGetsDidYouMeanOnceThoughDroolsSaysItSeveralTimes() throws IOException {
        ShippedRules.edit(drl, "members < th", "memberz < th");
        ShippedRules.edit(drl, "$m : members", "$m : memberz");
        List<RuleProblem> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        RuleProblem p = problems.get(0);
        assertEquals(lineOf(drl, "memberz"), p.line());
        assertTrue(p.message().contains("`memberz`") && p.message().contains("你是不是想写 `members`"), p.message());
        assertTrue(p.drools().contains("MicroFireStation.memberz()"), p.drools());
    }

    @Test
    void aMisspeltThresholdGetsDidYouMean() throws IOException {
        ShippedRules.edit(drl, "th.count(\"station.minMembers\")", "th.count(\"station.minMember\")");
        RuleProblem p = problems().get(0);
        assertTrue(p.message().contains("`station.minMember`") && p.message().contains("你是不是想写 `station.minMembers`"), p.message());
    }

    @Test
    void everyProblemIsReportedInOneRun() throws IOException {
        ShippedRules.edit(drl, "members < th", "memberz < th");
        ShippedRules.edit(drl, "@level(\"GENERAL\")", "@level(\"GENRAL\")");
        ShippedRules.edit(drl, "th.count(\"station.maxArrivalSeconds\")", "th.count(\"station.maxArivalSeconds\")");
        Files.writeString(rules.resolve("thresholds.properties"), "broken line\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(rules.resolve("other.drl"), "package firecheck;\nrule \"O\"\nwhen\nthen\n");
        List<RuleProblem> problems = problems();
        String all = problems.toString();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("station.drl") && p.message().contains("memberz")), all);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("station.drl") && p.message().contains("GENRAL")), all);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("station.drl") && p.message().contains("station.maxArivalSeconds")), all);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("thresholds.properties") && p.message().contains("broken line")), all);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("other.drl") && p.message().contains("缺少结尾的 end")), all);
        assertTrue(problems.stream().allMatch(p -> p.message().contains(" / ") && p.message().codePoints().anyMatch(c -> c > 0x4e00)),
                "each message in Chinese, then English: " + all);
    }
}
