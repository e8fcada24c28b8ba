package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
