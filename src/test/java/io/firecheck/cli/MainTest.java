package io.firecheck.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff commands, run as a fire officer would: exit codes and what they print. */
class MainTest {
    @TempDir
    Path temp;

    record Run(int exit, String out) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    Path copyOfRules() throws IOException {
        Path dir = temp.resolve("rules");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void validateAcceptsTheShippedRules() {
        Run r = run("validate", "rules");
        assertEquals(0, r.exit(), r.out());
        int rules = assertDoesNotThrow(() -> new io.firecheck.engine.RuleSetLoader().load(Path.of("rules"))).catalogue().size();
        assertTrue(r.out().startsWith("OK rules: " + rules + " rules, version sha256:"), r.out());
    }

    @Test
    void validateNamesFileAndLineOfABrokenRule() throws IOException {
        Path rules = copyOfRules();
        Path drl = rules.resolve("micro-fire-station.drl");
        Files.writeString(drl, Files.readString(drl).replace("members < th.count(", "memberz < th.count("));
        Run r = run("validate", rules.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("micro-fire-station.drl:"), r.out());
        assertTrue(r.out().contains("unknown fact `memberz` in rule \"MFS-UNDERSTAFFED\""), r.out());
    }

    @Test
    void testReplaysFixturesAndWritesJUnitXml() throws IOException {
        Path junit = temp.resolve("report.xml");
        Run r = run("replay", "--junit", junit.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains(" passed, 0 failed"), r.out());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("failures=\"0\"") && xml.contains("classname=\"fixtures.shafts\""), xml);
    }

    @Test
    void testFailsWhenAThresholdChangesUnderTheFixtures() throws IOException {
        Path rules = copyOfRules();
        Path th = rules.resolve("thresholds.properties");
        Files.writeString(th, Files.readString(th).replace("microFireStation.maxArrivalSeconds = 180", "microFireStation.maxArrivalSeconds = 200"));
        Run r = run("test", rules.toString(), "test-fixtures");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("FAIL micro-fire-station/arrival-181s-fires"), r.out());
        assertTrue(r.out().contains("1 failed"), r.out());
    }

    @Test
    void explainPrintsTheResultInChineseAndEnglish() {
        Run r = run("explain", "test-fixtures/base/residential-tower.json");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("判定结果 Classification: 合格 / COMPLIANT"), r.out());
    }

    @Test
    void explainRejectsAnInvalidDocumentByField() throws IOException {
        Path doc = temp.resolve("bad.json");
        Files.writeString(doc, Files.readString(Path.of("test-fixtures/base/low-rise.json")).replace("\"heightM\": 20.0", "\"heightM\": 0"));
        Run r = run("explain", doc.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("building.heightM"), r.out());
    }

    @Test
    void unknownCommandShowsUsage() {
        Run r = run("frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("usage:"));
    }
}
