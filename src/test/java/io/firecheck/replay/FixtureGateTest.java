package io.firecheck.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.ShippedRules;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate that bin/firecheck test, a reload and startup share, on the tests' own small rule set. */
class FixtureGateTest {
    static final Path SMALL = Path.of("src/test/resources/small-rules");

    @TempDir
    Path temp;

    static RuleSet load(Path rules) throws Exception {
        return new RuleSetLoader().load(rules);
    }

    @Test
    void aCoveredRuleSetPasses() throws Exception {
        assertEquals(List.of(), FixtureGate.failures(load(SMALL.resolve("rules")), SMALL.resolve("fixtures")));
    }

    @Test
    void aRuleWithoutItsBoundaryFixtureFailsAndTheServiceWouldNotStart() throws Exception {
        Path fixtures = ShippedRules.copy(SMALL.resolve("fixtures"), temp.resolve("fixtures"));
        Files.delete(fixtures.resolve("station/members-6-boundary.json"));
        RuleSet set = load(SMALL.resolve("rules"));
        List<ReplayOutcome> failures = FixtureGate.failures(set, fixtures);
        assertEquals(List.of("coverage/T-MEMBERS"), failures.stream().map(ReplayOutcome::fixture).toList());
        assertTrue(failures.get(0).differences().get(0).contains("\"covers\": {\"T-MEMBERS\": \"boundary\"}"), failures.toString());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> FixtureGate.refuseToStart(set, failures));
        assertTrue(refused.getMessage().contains("coverage/T-MEMBERS"), refused.getMessage());
        FixtureGate.refuseToStart(set, List.of());
    }

    /** The gate keeps a folder's parsed fixtures between reloads, but any edited or removed file is read again. */
    @Test
    void aFixtureChangedAfterAPassingGateCountsAtTheNext() throws Exception {
        Path fixtures = ShippedRules.copy(SMALL.resolve("fixtures"), temp.resolve("fixtures"));
        RuleSet set = load(SMALL.resolve("rules"));
        assertEquals(List.of(), FixtureGate.failures(set, fixtures));
        Path boundary = fixtures.resolve("station/members-6-boundary.json");
        String text = Files.readString(boundary);
        Files.writeString(boundary, text.replace("\"boundary\"", "\"fires\""));
        assertEquals(List.of("coverage/T-MEMBERS", "station/members-6-boundary"), FixtureGate.failures(set, fixtures).stream()
                .map(ReplayOutcome::fixture).sorted().toList());
        Files.writeString(boundary, text);
        assertEquals(List.of(), FixtureGate.failures(set, fixtures));
        Files.delete(boundary);
        assertEquals(List.of("coverage/T-MEMBERS"), FixtureGate.failures(set, fixtures).stream().map(ReplayOutcome::fixture).toList());
    }

    @Test
    void aMissingFixturesFolderIsAFailureAndAnUnreadableFixtureNamesItsFileAndLine() throws Exception {
        RuleSet set = load(SMALL.resolve("rules"));
        assertEquals(1, FixtureGate.failures(set, temp.resolve("nowhere")).size());
        Path fixtures = ShippedRules.copy(SMALL.resolve("fixtures"), temp.resolve("fixtures"));
        Files.writeString(fixtures.resolve("station/broken.json"), "{\n  \"base\": ");
        FixtureProblemException broken = assertThrows(FixtureProblemException.class, () -> FixtureGate.failures(set, fixtures));
        assertEquals("station/broken.json", broken.file());
        assertEquals(2, broken.line());
    }
}
