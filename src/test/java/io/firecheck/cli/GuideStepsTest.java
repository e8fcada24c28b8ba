package io.firecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.ShippedRules;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.replay.FixtureGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Section 7 of docs/rules-guide.md, done as a fire officer would, on a copy of rules/ and test-fixtures/.
 * The edits are the guide's own code blocks (marked {@code <!-- guide-step: … -->}), so the guide cannot drift
 * from what works; the commands are those the guide names.
 */
class GuideStepsTest {
    static final Path GUIDE = Path.of("docs/rules-guide.md");
    static final Path GUIDE_EN = Path.of("docs/rules-guide.en.md");
    static final Pattern STEP = Pattern.compile("<!-- guide-step: (set|append|create) (\\S+) -->");
    static final ObjectMapper MAPPER = new ObjectMapper();

    record Step(String action, String path, String block) {
    }

    @TempDir
    Path temp;
    Path rules;
    Path fixtures;

    @BeforeEach
    void copy() {
        rules = ShippedRules.copy(ShippedRules.RULES, temp.resolve("rules"));
        fixtures = ShippedRules.copy(ShippedRules.FIXTURES, temp.resolve("test-fixtures"));
    }

    /** The marked code blocks of a guide, in order, without the indentation of the list they sit in. */
    static List<Step> steps(Path guide) throws IOException {
        List<String> lines = Files.readAllLines(guide);
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = STEP.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            int fence = i + 1;
            int indent = lines.get(fence).indexOf("```");
            StringBuilder block = new StringBuilder();
            for (int j = fence + 1; !lines.get(j).strip().equals("```"); j++) {
                block.append(lines.get(j).length() > indent ? lines.get(j).substring(indent) : "").append('\n');
            }
            out.add(new Step(m.group(1), m.group(2), block.toString()));
        }
        return out;
    }

    Path target(Step step) {
        return temp.resolve(step.path());
    }

    MainTest.Run cli(String... args) {
        return MainTest.run(args);
    }

    MainTest.Run test() {
        return cli("test", rules.toString(), fixtures.toString(), "--junit", temp.resolve("junit.xml").toString());
    }

    @Test
    void theEnglishGuideHasTheSameSteps() throws IOException {
        List<Step> zh = steps(GUIDE);
        assertEquals(5, zh.size(), "steps marked in the guide");
        assertEquals(zh, steps(GUIDE_EN));
    }

    @Test
    void changeAThresholdThenMoveItsFixtures() throws IOException {
        Step set = steps(GUIDE).get(0);
        assertEquals("set", set.action());
        String[] nameValue = set.block().strip().split("\\s*=\\s*");
        String name = nameValue[0];
        String value = nameValue[1];
        String before = ShippedRules.threshold(name);
        assertNotEquals(before, value, "the guide's example changes the shipped value");
        // 1. edit the line
        Path th = target(set);
        Files.writeString(th, Files.readString(th).replaceAll("(?m)^" + Pattern.quote(name) + "\\s*=.*$", set.block().strip()));
        // 2. validate
        MainTest.Run validate = cli("validate", rules.toString());
        assertEquals(0, validate.exit(), validate.out());
        // 3. test: the fixtures at the old boundary fail
        MainTest.Run failing = test();
        assertEquals(1, failing.exit(), failing.out());
        assertTrue(failing.last().matches("fixtures: \\d+ passed, [1-9]\\d* failed .*"), failing.out());
        // 4. move the fixtures of the rules that compare a field with this threshold to the new boundary
        String rule = ruleUsing(name);
        Matcher use = Pattern.compile("(\\w+) > th\\.count\\(\"" + Pattern.quote(name) + "\"\\)").matcher(drlText());
        assertTrue(use.find(), "a rule compares a field with " + name);
        int moved = moveFixtures(rule, use.group(1), Integer.parseInt(value));
        assertTrue(moved >= 2, "fixtures moved: " + moved);
        // 5. test passes
        MainTest.Run passing = test();
        assertEquals(0, passing.exit(), passing.out());
        assertFalse(passing.out().contains("FAIL"), passing.out());
    }

    @Test
    void addARuleWithItsFixtures() throws IOException {
        List<Step> steps = steps(GUIDE).subList(1, 5);
        apply(steps.get(0));
        apply(steps.get(1));
        Matcher id = Pattern.compile("@id\\(\"([^\"]+)\"\\)").matcher(steps.get(1).block());
        assertTrue(id.find());
        String ruleId = id.group(1);
        // 3. without fixtures the test fails and says which are missing
        MainTest.Run missing = test();
        assertEquals(1, missing.exit(), missing.out());
        assertTrue(missing.out().contains("FAIL coverage/" + ruleId), missing.out());
        assertTrue(missing.last().contains("; 2 missing"), missing.last());
        // 4. the two fixtures
        apply(steps.get(2));
        apply(steps.get(3));
        // 5. validate, test, explain
        assertEquals(0, cli("validate", rules.toString()).exit());
        MainTest.Run passing = test();
        assertEquals(0, passing.exit(), passing.out());
        MainTest.Run explain = cli("explain", target(steps.get(2)).toString(), "--rules", rules.toString());
        assertEquals(0, explain.exit(), explain.out());
        assertTrue(explain.out().contains(ruleId) && explain.last().contains("结果符合预期"), explain.out());
        // 6. the catalogue, and what the reload gate will say
        Path catalogue = temp.resolve("rules.md");
        assertEquals(0, cli("catalogue", rules.toString(), catalogue.toString()).exit());
        assertTrue(Files.readString(catalogue).contains(ruleId));
        assertEquals(List.of(), assertGate());
    }

    private List<?> assertGate() {
        try {
            return FixtureGate.failures(new RuleSetLoader().load(rules), fixtures);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void apply(Step step) throws IOException {
        Path file = target(step);
        switch (step.action()) {
            case "append" -> Files.writeString(file, "\n" + step.block(), StandardOpenOption.APPEND);
            case "create" -> Files.writeString(file, step.block(), StandardOpenOption.CREATE_NEW);
            default -> throw new AssertionError(step);
        }
    }

    private String drlText() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(rules)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }

    /** The id of the rule whose condition reads the threshold. */
    private String ruleUsing(String threshold) throws IOException {
        for (String block : drlText().split("\n(?=rule )")) {
            Matcher id = Pattern.compile("@id\\(\"([^\"]+)\"\\)").matcher(block);
            if (block.contains("th.count(\"" + threshold + "\")") && id.find()) {
                return id.group(1);
            }
        }
        throw new AssertionError("no rule reads " + threshold);
    }

    /** As the guide says: in the fixtures of the rule that set the field, boundary to the new limit, firing just above. */
    private int moveFixtures(String rule, String field, int limit) throws IOException {
        int moved = 0;
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json") && !f.startsWith(fixtures.resolve("base"))).toList()) {
                JsonNode fixture = MAPPER.readTree(p.toFile());
                List<JsonNode> holders = fixture.path("patch").findParents(field);
                String how = fixture.path("covers").path(rule).asText("");
                if (holders.isEmpty() || how.isEmpty()) {
                    continue;
                }
                for (JsonNode holder : holders) {
                    ((ObjectNode) holder).put(field, "boundary".equals(how) ? limit : limit + 1);
                }
                MAPPER.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), fixture);
                moved++;
            }
        }
        return moved;
    }
}
