package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader refuses a rule that throws on an absent (not inspected) field, naming the rule, file and line. */
class AbsentFieldProbeTest {
    @TempDir
    Path dir;

    static final String UNGUARDED = """
            rule "X-DOORS"
                @id("X-DOORS") @area("test") @level("GENERAL") @titleZh("测试") @title("Test") @basis("none")
                @rectification("fix") @needs("evacuation.stairwellFireDoors.damaged")
            when
                Evacuation(%s)
            then
                findings.add(kcontext, "x");
            end
            """;

    RuleSet load(String condition) throws Exception {
        Files.writeString(dir.resolve("a.drl"), RuleSetLoaderTest.HEADER + UNGUARDED.formatted(condition));
        Files.writeString(dir.resolve("thresholds.properties"), RuleSetLoaderTest.determination());
        return new RuleSetLoader().load(dir);
    }

    @Test
    void anUnguardedDereferenceOfAnOptionalObjectIsRejected() {
        List<RuleProblem> problems = assertThrows(RuleSetInvalidException.class,
                () -> load("stairwellFireDoors.damaged > 0")).problems();
        assertEquals(1, problems.size(), problems.toString());
        RuleProblem p = problems.get(0);
        assertEquals("a.drl", p.file());
        assertEquals(6, p.line(), "the line of the rule declaration");
        assertTrue(p.message().contains("X-DOORS") && p.message().contains("evacuation.stairwellFireDoors"), p.message());
    }

    @Test
    void aGuardedConditionLoads() throws Exception {
        assertEquals(1, load("stairwellFireDoors != null, stairwellFireDoors.damaged > 0").catalogue().size());
    }

    /** The probe is not run again for a set that differs from one that passed only in text shown to people. */
    @Test
    void onlyTheWordingOfTitlesBasisAndRectificationLeavesTheProbesInputsUnchanged() {
        String rule = RuleSetLoaderTest.HEADER + UNGUARDED.formatted("stairwellFireDoors.damaged > 0");
        String key = AbsentFieldProbe.behaviourKey(Map.of("a.drl", rule));
        for (String reworded : List.of(rule.replace("@title(\"Test\")", "@title(\"A \\\"new\\\" title\")"),
                rule.replace("@titleZh(\"测试\")", "@titleZh(\"新\")").replace("@basis(\"none\")", "@basis(\"GB 1\")")
                        .replace("@rectification(\"fix\")", "@rectification(\"repair\")"))) {
            assertEquals(key, AbsentFieldProbe.behaviourKey(Map.of("a.drl", reworded)), reworded);
        }
        for (String changed : List.of(rule.replace("damaged > 0", "damaged > 1"), rule.replace("@level(\"GENERAL\")", "@level(\"MAJOR\")"),
                rule.replace("findings.add(kcontext, \"x\")", "findings.add(kcontext, \"@title(\\\"y\\\")\")"))) {
            assertTrue(!key.equals(AbsentFieldProbe.behaviourKey(Map.of("a.drl", changed))), changed);
        }
        assertTrue(!key.equals(AbsentFieldProbe.behaviourKey(Map.of("b.drl", rule))), "the file name is compiled in");
    }

    @Test
    void aRuleThatFailsTheProbeFailsAgainAfterTheSameSetPassedOnceWithAGuard() throws Exception {
        RuleSetLoader loader = new RuleSetLoader();
        Files.writeString(dir.resolve("thresholds.properties"), RuleSetLoaderTest.determination());
        Files.writeString(dir.resolve("a.drl"), RuleSetLoaderTest.HEADER
                + UNGUARDED.formatted("stairwellFireDoors != null, stairwellFireDoors.damaged > 0"));
        loader.load(dir);
        Files.writeString(dir.resolve("a.drl"), RuleSetLoaderTest.HEADER + UNGUARDED.formatted("stairwellFireDoors.damaged > 0")
                .replace("@title(\"Test\")", "@title(\"Reworded\")"));
        assertEquals(1, assertThrows(RuleSetInvalidException.class, () -> loader.load(dir)).problems().size());
    }

    /**
     * The probe runs unless the loader's store holds a pass for the set's behaviour: a store another instance of
     * the build wrote to is trusted (that is what spares the probe), and only passes are written to it.
     */
    @Test
    void theProbeIsSkippedExactlyForABehaviourItsStoreHoldsAsPassed() throws Exception {
        Map<String, String> unguarded = files("stairwellFireDoors.damaged > 0");
        Map<String, String> guarded = files("stairwellFireDoors != null, stairwellFireDoors.damaged > 0");
        MemoryProbeVerdicts shared = new MemoryProbeVerdicts();
        assertThrows(RuleSetInvalidException.class, () -> new RuleSetLoader(Clock.systemUTC(), shared).load(unguarded, "A"));
        assertFalse(shared.passed(AbsentFieldProbe.behaviourKey(unguarded)), "a failure is not kept");

        RuleSet accepted = new RuleSetLoader(Clock.systemUTC(), shared).load(guarded, "A");
        assertTrue(shared.passed(AbsentFieldProbe.behaviourKey(accepted.sources())), "the pass is kept");
        shared.recordPass(AbsentFieldProbe.behaviourKey(unguarded), "sha256:as if passed");
        assertEquals(1, new RuleSetLoader(Clock.systemUTC(), shared).load(unguarded, "B").catalogue().size(),
                "not probed: the store said it passed");
        assertThrows(RuleSetInvalidException.class, () -> new RuleSetLoader().load(unguarded, "another build"));
    }

    /** A rules folder's files, in name order as a loader reads them. */
    static Map<String, String> files(String condition) throws IOException {
        return new TreeMap<>(Map.of("a.drl", RuleSetLoaderTest.HEADER + UNGUARDED.formatted(condition),
                "thresholds.properties", RuleSetLoaderTest.determination()));
    }

    @Test
    void everyOptionalPathIsProbedButNoRequiredOne() {
        List<String> paths = AbsentFieldProbe.optionalPaths(io.firecheck.inspection.InspectionDocument.class, "");
        assertTrue(paths.contains("evacuation.stairwellFireDoors.damaged"));
        assertTrue(paths.contains("shafts.floorsSealed"));
        assertTrue(paths.contains("microFireStation.readiness"));
        assertTrue(paths.stream().noneMatch(p -> p.equals("inspection.id") || p.equals("building.heightM")
                || p.equals("building") || p.equals("building.jurisdiction")), paths.toString());
    }
}
