package io.firecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.ShippedRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff commands, run as a fire officer would: exit codes and what they print. Behaviour is shown on
 * the small rule set of src/test/resources; the shipped folders only have to pass.
 */
class MainTest {
    static final Path SMALL = Path.of("src/test/resources/small-rules");

    @TempDir
    Path temp;

    record Run(int exit, String out) {
        List<String> lines() {
            return out.lines().toList();
        }

        String last() {
            return lines().get(lines().size() - 1);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    /** A copy of the small rules and fixtures that a test may change. */
    Path small() throws IOException {
        return ShippedRules.copy(SMALL, temp.resolve("small"));
    }

    @Test
    void validateAcceptsTheShippedRules() throws IOException {
        Run r = run("validate", "rules");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("OK rules: " + ShippedRules.ids().size() + " rules, version sha256:"), r.out());
    }

    @Test
    void testPassesOnTheShippedRulesAndFixturesAndWritesJUnitXmlWithTimes() throws IOException {
        Path junit = temp.resolve("report.xml");
        Run r = run("test", "rules", "test-fixtures", "--junit", junit.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.last().matches("fixtures: \\d+ passed, 0 failed \\(.*s\\)"), r.last());
        assertFalse(r.out().contains("ok "), "passing rows only with --verbose: " + r.out());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("failures=\"0\"") && xml.matches("(?s).*<testsuite [^>]*time=\"\\d+\\.\\d{3}\".*"), xml);
        assertTrue(xml.matches("(?s).*<testcase [^>]*time=\"\\d+\\.\\d{3}\"/>.*"), xml);
    }

    @Test
    void testPrintsTheFailureAndTheSummaryLast() throws IOException {
        Path dir = small();
        ShippedRules.edit(dir.resolve("rules/thresholds.properties"), "station.maxArrivalSeconds = 180", "station.maxArrivalSeconds = 170");
        Run r = run("test", dir.resolve("rules").toString(), dir.resolve("fixtures").toString(), "--junit", temp.resolve("j.xml").toString());
        assertEquals(1, r.exit(), r.out());
        assertEquals("FAIL station/arrival-180s-boundary", r.lines().get(0), r.out());
        assertTrue(r.out().contains("covers T-ARRIVAL as a boundary, but it fired"), r.out());
        assertTrue(r.last().startsWith("fixtures: 3 passed, 1 failed"), r.last());
        assertFalse(r.out().contains("ok "), r.out());

        Run verbose = run("test", dir.resolve("rules").toString(), dir.resolve("fixtures").toString(), "--verbose",
                "--junit", temp.resolve("j.xml").toString());
        assertTrue(verbose.out().contains("ok   station/members-5-fires"), verbose.out());
        assertTrue(verbose.last().startsWith("fixtures: 3 passed, 1 failed"), verbose.last());
    }

    @Test
    void testFailsForARuleWithoutAFiringAndABoundaryFixture() throws IOException {
        Path dir = small();
        Path drl = dir.resolve("rules/station.drl");
        String text = Files.readString(drl);
        String rule = text.substring(text.indexOf("rule \"T-MEMBERS\""));
        Files.writeString(drl, text + "\n" + rule.replace("T-MEMBERS", "T-NEW").replace("members <", "members >"));
        Run r = run("test", dir.resolve("rules").toString(), dir.resolve("fixtures").toString(), "--junit", temp.resolve("j.xml").toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("FAIL coverage/T-NEW"), r.out());
        assertTrue(r.out().contains("\"covers\": {\"T-NEW\": \"fires\"}") && r.out().contains("\"covers\": {\"T-NEW\": \"boundary\"}"), r.out());
        assertTrue(r.last().startsWith("fixtures: 4 passed, 0 failed; 2 missing"), r.last());
    }

    @Test
    void testAndReplayWriteDifferentJUnitFiles() {
        assertNotEquals(Main.TEST_JUNIT, Main.REPLAY_JUNIT);
        Run r = run("replay", "--rules", SMALL.resolve("rules").toString(), "--fixtures", SMALL.resolve("fixtures").toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("JUnit XML: " + Main.REPLAY_JUNIT), r.out());
        assertTrue(Files.exists(Path.of(Main.REPLAY_JUNIT)));
    }

    @Test
    void replayToAServiceThatIsNotThereFailsAtOnceWithOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run r = run("replay", "--url", "http://127.0.0.1:" + port, "--fixtures", SMALL.resolve("fixtures").toString());
        assertEquals(1, r.exit(), r.out());
        assertEquals(1, r.lines().size(), r.out());
        assertTrue(r.out().startsWith("error: 服务不可达 cannot reach http://127.0.0.1:" + port), r.out());
    }

    @Test
    void explainAcceptsAFixtureAndSaysWhetherItsExpectationHolds() throws IOException {
        Run r = run("explain", SMALL.resolve("fixtures/station/arrival-181s-fires.json").toString(),
                "--rules", SMALL.resolve("rules").toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("T-ARRIVAL 到场太慢") && r.out().contains("181 s"), r.out());
        assertTrue(r.last().contains("station/arrival-181s-fires: 结果符合预期"), r.out());

        Path dir = small();
        ShippedRules.edit(dir.resolve("rules/thresholds.properties"), "station.maxArrivalSeconds = 180", "station.maxArrivalSeconds = 190");
        Run changed = run("explain", dir.resolve("fixtures/station/arrival-181s-fires.json").toString(),
                "--rules", dir.resolve("rules").toString());
        assertEquals(1, changed.exit(), changed.out());
        assertTrue(changed.out().contains("结果与预期不符") && changed.out().contains("covers T-ARRIVAL as firing"), changed.out());
    }

    @Test
    void explainPrintsTheResultOfADocumentInChineseAndEnglish() {
        Run r = run("explain", SMALL.resolve("fixtures/base/station.json").toString(), "--rules", SMALL.resolve("rules").toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("判定结果 Classification: 未发现火灾隐患 / COMPLIANT"), r.out()); // Classification.zh(), as reports and the console say it
    }

    @Test
    void explainRejectsAnInvalidDocumentByField() throws IOException {
        Path doc = temp.resolve("bad.json");
        Files.writeString(doc, Files.readString(SMALL.resolve("fixtures/base/station.json")).replace("\"heightM\": 20.0", "\"heightM\": 0"));
        Run r = run("explain", doc.toString(), "--rules", SMALL.resolve("rules").toString());
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
