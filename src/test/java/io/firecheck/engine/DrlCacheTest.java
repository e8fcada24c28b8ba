package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.engine.facts.Findings;
import io.firecheck.inspection.ControlRoom;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.replay.LocalReplay;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

/** The loader's cache of compiled DRL files: keyed by what was compiled, never shared between rule sets. */
class DrlCacheTest {
    static final String RULE = """
            rule "%1$s"
                @id("%1$s") @area("test") @level("GENERAL") @titleZh("测试") @title("Test") @basis("none")
                @rectification("fix") @needs("controlRoom.operatorsPerShift")
            when
                ControlRoom(operatorsPerShift != null, operatorsPerShift < th.count("min.operators"))
            then
                findings.add(kcontext, "%1$s");
            end
            """;

    static Map<String, String> files(String thresholds, String... rules) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < rules.length; i++) {
            files.put("f" + i + ".drl", RuleSetLoaderTest.HEADER + rules[i]);
        }
        files.put(Thresholds.FILE, RuleSetLoaderTest.determination() + thresholds);
        return files;
    }

    @Test
    void anUnchangedFileIsTakenFromTheCacheAndAChangedOneIsCompiled() {
        DrlCompiler compiler = new DrlCompiler();
        Map<String, String> drl = new LinkedHashMap<>(Map.of("a.drl", RuleSetLoaderTest.HEADER + RULE.formatted("X-A"),
                "b.drl", RuleSetLoaderTest.HEADER + RULE.formatted("X-B")));
        assertTrue(compiler.compile(drl).stream().noneMatch(DrlCompiler.FileResult::cached));
        assertTrue(compiler.compile(drl).stream().allMatch(DrlCompiler.FileResult::cached));
        drl.put("b.drl", drl.get("b.drl").replace("@title(\"Test\")", "@title(\"Changed\")"));
        Map<String, Boolean> cached = new LinkedHashMap<>();
        compiler.compile(drl).forEach(r -> cached.put(r.file(), r.cached()));
        assertEquals(Map.of("a.drl", true, "b.drl", false), cached);
        // the same text under another name is another source: the rules would name the wrong file
        assertFalse(compiler.compile("c.drl", drl.get("a.drl")).cached());
    }

    @Test
    void aBrokenFileIsNeverCachedAsGood() {
        DrlCompiler compiler = new DrlCompiler();
        String broken = RuleSetLoaderTest.HEADER + RULE.formatted("X-A").replace("th.count(\"min.operators\"))", "th.count(\"min.operators\")");
        for (int i = 0; i < 2; i++) {
            DrlCompiler.FileResult r = compiler.compile("a.drl", broken);
            assertFalse(r.errors().isEmpty());
            assertFalse(r.cached());
            assertTrue(r.packages().isEmpty());
        }
        assertEquals(0, compiler.cachedFiles());
    }

    @Test
    void aBrokenFileIsReportedAgainWhenReloadedFromTheCache() throws Exception {
        RuleSetLoader loader = new RuleSetLoader();
        Map<String, String> good = files("min.operators = 2\n", RULE.formatted("X-A"), RULE.formatted("X-B"));
        loader.load(good, "test");
        Map<String, String> bad = new LinkedHashMap<>(good);
        bad.put("f1.drl", bad.get("f1.drl").replace("operatorsPerShift <", "operatorsPerShif <"));
        for (int i = 0; i < 2; i++) {
            List<RuleProblem> problems = assertThrows(RuleSetInvalidException.class, () -> loader.load(bad, "test")).problems();
            assertTrue(problems.stream().anyMatch(p -> p.file().equals("f1.drl") && p.line() > 0), problems.toString());
        }
    }

    /** Not even a KieBase: the last set's serves as it is (warm), and each set evaluates with its own thresholds. */
    @Test
    void aThresholdChangeNeedsNoCompileAndTakesEffect() throws Exception {
        RuleSetLoader loader = new RuleSetLoader();
        RuleSet two = loader.load(files("min.operators = 2\n", RULE.formatted("X-A")), "test");
        RuleSet five = loader.load(files("min.operators = 5\n", RULE.formatted("X-A")), "test");
        assertSame(two.kieBase(), five.kieBase());
        assertEquals(Set.of(), fired(two, 3));
        assertEquals(Set.of("X-A"), fired(five, 3));
        assertEquals(Set.of(), fired(two, 3), "the first set keeps its own threshold");
    }

    /** A wording fix serves on the last set's warm KieBase; its findings carry the new wording, the last set's the old. */
    @Test
    void aChangeOfWordingOnlyTakesTheLastKieBaseAndTheNewCatalogue() throws Exception {
        RuleSetLoader loader = new RuleSetLoader();
        Map<String, String> files = files("min.operators = 2\n", RULE.formatted("X-A"), RULE.formatted("X-B"));
        RuleSet before = loader.load(files, "test");
        Map<String, String> reworded = new LinkedHashMap<>(files);
        reworded.put("f1.drl", files.get("f1.drl").replace("@title(\"Test\")", "@title(\"Reworded\")")
                .replace("@titleZh(\"测试\")", "@titleZh(\"改写\")"));
        RuleSet after = loader.load(reworded, "test");
        assertSame(before.kieBase(), after.kieBase());
        assertEquals("Reworded", after.catalogue().get("X-B").title());
        assertEquals("改写", after.catalogue().get("X-B").titleZh());
        assertEquals("Test", after.catalogue().get("X-A").title());
        assertEquals("Test", before.catalogue().get("X-B").title(), "the set serving until the swap keeps its wording");
        assertEquals(List.of("Reworded"), titles(after, "X-B"));
        assertEquals(List.of("Test"), titles(before, "X-B"));
        // the same reworded files again, with other thresholds: still the new wording
        Map<String, String> rethresholded = new LinkedHashMap<>(reworded);
        rethresholded.put(Thresholds.FILE, reworded.get(Thresholds.FILE).replace("min.operators = 2", "min.operators = 3"));
        RuleSet later = loader.load(rethresholded, "test");
        assertSame(before.kieBase(), later.kieBase());
        assertEquals("Reworded", later.catalogue().get("X-B").title());
        assertEquals(List.of("Reworded"), titles(later, "X-B"));
    }

    @Test
    void aChangeBeyondWordingBuildsANewKieBase() throws Exception {
        RuleSetLoader loader = new RuleSetLoader();
        Map<String, String> files = files("min.operators = 2\n", RULE.formatted("X-A"));
        RuleSet before = loader.load(files, "test");
        for (String[] change : List.of(new String[] {"@level(\"GENERAL\")", "@level(\"ELEMENT\")"},
                new String[] {"operatorsPerShift < th", "operatorsPerShift <= th"}, new String[] {"rule \"X-A\"", "rule \"X-A2\""})) {
            Map<String, String> changed = new LinkedHashMap<>(files);
            changed.put("f0.drl", files.get("f0.drl").replace(change[0], change[1]));
            assertFalse(changed.get("f0.drl").equals(files.get("f0.drl")), "the edit must change the file: " + change[0]);
            assertNotSame(before.kieBase(), loader.load(changed, "test").kieBase(), change[1]);
            before = loader.load(files, "test");
        }
    }

    @Test
    void twoRuleSetsFromOneCacheShareNoRuleObjects() throws Exception {
        RuleSetLoader loader = new RuleSetLoader();
        Map<String, String> files = files("min.operators = 2\n", RULE.formatted("X-A"), RULE.formatted("X-B"));
        Map<String, String> other = files("min.operators = 2\n", RULE.formatted("X-C"));
        // another set in between: the same files right after the last set would take its KieBase as it is
        RuleSet first = loader.load(files, "test");
        loader.load(other, "test");
        RuleSet second = loader.load(files, "test");
        loader.load(other, "test");
        RuleSet third = loader.load(files, "test");
        for (String rule : List.of("X-A", "X-B")) {
            assertNotSame(first.kieBase().getRule("firecheck", rule), second.kieBase().getRule("firecheck", rule));
            assertNotSame(second.kieBase().getRule("firecheck", rule), third.kieBase().getRule("firecheck", rule));
        }
        assertEquals(Set.of("X-A", "X-B"), fired(first, 1));
        assertEquals(Set.of("X-A", "X-B"), fired(second, 1));
        assertEquals(Set.of("X-A", "X-B"), fired(third, 1));
    }

    @Test
    void aRuleNameUsedInTwoFilesIsReportedWithFileAndLine() throws Exception {
        List<RuleProblem> problems = assertThrows(RuleSetInvalidException.class,
                () -> new RuleSetLoader().load(files("min.operators = 2\n", RULE.formatted("X-A"), RULE.formatted("X-A")), "test"))
                .problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("f1.drl") && p.line() == 6), problems.toString());
    }

    /** The English titles of one rule's findings, as the evaluator gives them, for a tower with one operator per shift. */
    private static List<String> titles(RuleSet set, String ruleId) throws Exception {
        ObjectMapper mapper = LocalReplay.mapper();
        ObjectNode doc = (ObjectNode) mapper.readTree(Path.of("test-fixtures/base/residential-tower.json").toFile());
        ((ObjectNode) doc.get("controlRoom")).put("operatorsPerShift", 1).put("certifiedOperatorsPerShift", 1);
        return new Evaluator().evaluate(set, mapper.treeToValue(doc, InspectionDocument.class)).findings().stream()
                .filter(f -> f.ruleId().equals(ruleId)).map(Finding::title).toList();
    }

    /** The rules that fire for a control room with this many operators per shift. */
    private static Set<String> fired(RuleSet set, int operators) {
        KieSession session = set.kieBase().newKieSession();
        try {
            Findings findings = new Findings();
            session.setGlobal("th", set.thresholds());
            session.setGlobal("findings", findings);
            session.insert(new ControlRoom(true, true, operators, operators, true, true, true, true, true));
            session.fireAllRules();
            return findings.evidenceByRule().keySet();
        } finally {
            session.dispose();
        }
    }
}
