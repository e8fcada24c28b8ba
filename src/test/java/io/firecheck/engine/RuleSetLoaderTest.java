package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetLoaderTest {
    @TempDir
    Path dir;

    static final String HEADER = """
            package firecheck;
            import io.firecheck.inspection.*;
            import io.firecheck.engine.facts.*;
            global io.firecheck.engine.Thresholds th;
            global io.firecheck.engine.facts.Findings findings;
            """;

    static final String RULE = """
            rule "X-ONE"
                @id("X-ONE") @area("test") @level("GENERAL") @titleZh("测试") @title("Test") @basis("none")
                @rectification("fix") @needs("controlRoom.present")
            when
                ControlRoom(present == false)
            then
                findings.add(kcontext, "x");
            end
            """;

    void write(String drl, String thresholds) throws IOException {
        Files.writeString(dir.resolve("a.drl"), HEADER + drl);
        Files.writeString(dir.resolve("thresholds.properties"), thresholds);
    }

    /** The shipped values the Java reads by pattern: categories, editions, required systems and the place lists. */
    static String determination() throws IOException {
        return Files.readString(Path.of("rules/thresholds.properties")).lines()
                .filter(l -> l.startsWith("determination.") || l.startsWith("basis.") || l.startsWith("required.")
                        || l.startsWith("places."))
                .reduce("", (a, b) -> a + b + "\n");
    }

    List<RuleProblem> problems() {
        return assertThrows(RuleSetInvalidException.class, () -> new RuleSetLoader().load(dir)).problems();
    }

    @Test
    void loadsMetadataAndVersionsByContent() throws Exception {
        write(RULE, determination());
        RuleSet first = new RuleSetLoader().load(dir);
        RuleInfo info = first.catalogue().get("X-ONE");
        assertEquals("测试", info.titleZh());
        assertEquals(List.of("controlRoom.present"), info.needs());
        assertEquals("a.drl", info.file());
        assertEquals(first.version(), new RuleSetLoader().load(dir).version(), "same files, same version");
        write(RULE.replace("@title(\"Test\")", "@title(\"Test 2\")"), determination());
        assertNotEquals(first.version(), new RuleSetLoader().load(dir).version());
    }

    @Test
    void missingMetadataIsReportedWithItsFile() throws Exception {
        write(RULE.replace("@level(\"GENERAL\")", ""), determination());
        List<RuleProblem> problems = problems();
        assertEquals("a.drl", problems.get(0).file());
        assertEquals(6, problems.get(0).line(), "the line of the rule");
        assertTrue(problems.get(0).message().contains("@level"), problems.toString());
    }

    @Test
    void unknownDocumentPathsInNeedsAreReported() throws Exception {
        write(RULE.replace("controlRoom.present", "controlRoom.numberOfStaff"), determination());
        assertTrue(problems().get(0).message().contains("unknown fact `controlRoom.numberOfStaff`"), problems().toString());
    }

    @Test
    void conflictingMetadataForOneIdIsReported() throws Exception {
        write(RULE + RULE.replace("rule \"X-ONE\"", "rule \"X-ONE variant\"").replace("@basis(\"none\")", "@basis(\"other\")"),
                determination());
        assertTrue(problems().stream().anyMatch(p -> p.message().contains("@basis")), problems().toString());
    }

    @Test
    void syntaxErrorsNameTheLine() throws Exception {
        write(RULE.replace("ControlRoom(present == false)", "ControlRoom(present == false"), determination());
        RuleProblem p = problems().get(0);
        assertEquals("a.drl", p.file());
        assertTrue(p.line() > 5, p.toString());
    }

    @Test
    void thresholdProblemsNameTheLine() throws Exception {
        write(RULE.replace("present == false", "present == false, th.count(\"nope\") > 1"), determination() + "x = \n");
        List<RuleProblem> problems = problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("thresholds.properties") && p.message().contains("no value")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("a.drl") && p.line() == 10
                && p.message().contains("unknown threshold `nope`")), problems.toString());
    }

    @Test
    void theDeterminationThresholdsMustExist() throws Exception {
        write(RULE, "");
        assertTrue(problems().stream().anyMatch(p -> p.message().contains("determination.categories")));
        write(RULE, determination().replace("determination.other.anyThreshold", "determination.other.anyThreshhold"));
        assertTrue(problems().stream().anyMatch(p -> p.message().contains("determination.other.anyThreshold")));
        write(RULE, determination().replace("basis.2025.from = 2025-11-01", "basis.2025.from = 1 Nov 2025"));
        assertTrue(problems().stream().anyMatch(p -> p.message().contains("basis.2025.from")));
        write(RULE, determination().replace("required.label.sprinkler", "required.label.sprinklers"));
        assertTrue(problems().stream().anyMatch(p -> p.message().contains("required.label.sprinkler")));
    }

    @Test
    void aLevelCanDependOnTheInspectionDate() throws Exception {
        write(RULE.replace("@level(\"GENERAL\")", "@level(\"ELEMENT\") @levelFrom(\"basis.2025.from\") @levelBefore(\"GENERAL\")"),
                determination());
        RuleInfo info = new RuleSetLoader().load(dir).catalogue().get("X-ONE");
        assertEquals(java.time.LocalDate.of(2025, 11, 1), info.levelFrom());
        assertEquals(Level.GENERAL, info.levelOn(java.time.LocalDate.of(2025, 10, 31), c -> true));
        assertEquals(Level.ELEMENT, info.levelOn(java.time.LocalDate.of(2025, 11, 1), c -> true));
        write(RULE.replace("@level(\"GENERAL\")", "@level(\"ELEMENT\") @levelFrom(\"soon\") @levelBefore(\"GENERAL\")"),
                determination());
        assertTrue(problems().stream().anyMatch(p -> p.message().contains("@levelFrom(\"soon\")")));
    }
}
