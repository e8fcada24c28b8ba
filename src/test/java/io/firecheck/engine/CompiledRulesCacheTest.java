package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.ShippedRules;
import io.firecheck.replay.FixtureGate;
import io.firecheck.replay.ReplayOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tool's disk cache of compiled rule files and probe passes. Each "run" is a new loader, as
 * each bin/firecheck call is a new JVM: what it knows from before comes from the cache folder only.
 */
class CompiledRulesCacheTest {
    @TempDir
    Path temp;

    Path small() throws IOException {
        return ShippedRules.copy(Path.of("src/test/resources/small-rules"), temp.resolve("small"));
    }

    Path cacheRoot() {
        return temp.resolve("cache");
    }

    RuleSet run(Path rules) throws RuleSetInvalidException {
        return new RuleSetLoader(Clock.systemUTC(), new CompiledRulesCache(cacheRoot(), "test build")).load(rules);
    }

    List<Path> entries(String suffix) throws IOException {
        if (!Files.isDirectory(cacheRoot())) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(cacheRoot())) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The fixtures of the small set that the rule set fails. */
    static List<String> failures(RuleSet set, Path small) {
        return FixtureGate.failures(set, small.resolve("fixtures")).stream().map(ReplayOutcome::fixture).toList();
    }

    @Test
    void aSecondRunTakesTheFilesFromDiskAndGivesTheSameResults() throws Exception {
        Path small = small();
        RuleSet first = run(small.resolve("rules"));
        assertEquals(1, entries(".pkg").size(), "one entry per DRL file");
        assertEquals(1, entries(".probed").size(), "the set's probe pass");
        CompiledRulesCache disk = new CompiledRulesCache(cacheRoot(), "test build");
        String drl = Files.readString(small.resolve("rules/station.drl"));
        assertTrue(new DrlCompiler(disk).compile("station.drl", drl).cached(), "read from disk, not compiled");

        RuleSet second = run(small.resolve("rules"));
        assertEquals(first.version(), second.version());
        assertEquals(first.catalogue(), second.catalogue());
        assertEquals(List.of(), failures(second, small));
    }

    @Test
    void anotherBuildDoesNotSeeTheEntries() throws Exception {
        Path small = small();
        run(small.resolve("rules"));
        String drl = Files.readString(small.resolve("rules/station.drl"));
        CompiledRulesCache other = new CompiledRulesCache(cacheRoot(), "another build");
        assertFalse(new DrlCompiler(other).compile("station.drl", drl).cached());
        assertFalse(other.passed(AbsentFieldProbe.behaviourKey(run(small.resolve("rules")).sources())));
    }

    @Test
    void aChangedRuleFileIsCompiledAgainAndTheResultFollowsIt() throws Exception {
        // T-ARRIVAL now fires at 180 s
        changeAndRun("station.drl", "arrivalSeconds > th.count", "arrivalSeconds >= th.count");
        assertEquals(2, entries(".pkg").size(), "the old and the new text, each its own entry");
    }

    @Test
    void aChangedThresholdIsReadAgain() throws Exception {
        changeAndRun("thresholds.properties", "station.maxArrivalSeconds = 180", "station.maxArrivalSeconds = 170");
        assertEquals(2, entries(".probed").size(), "each behaviour is probed on its own");
    }

    /** A run, a change that makes T-ARRIVAL fire at 180 s, and a run whose result must follow it. */
    void changeAndRun(String file, String from, String to) throws Exception {
        Path small = small();
        RuleSet first = run(small.resolve("rules"));
        assertEquals(List.of(), failures(first, small));
        ShippedRules.edit(small.resolve("rules").resolve(file), from, to);
        RuleSet changed = run(small.resolve("rules"));
        assertNotEquals(first.version(), changed.version());
        assertEquals(List.of("station/arrival-180s-boundary"), failures(changed, small));
    }

    @Test
    void corruptEntriesAreIgnoredAndWrittenAgain() throws Exception {
        Path small = small();
        RuleSet first = run(small.resolve("rules"));
        Path pkg = entries(".pkg").get(0);
        Path mark = entries(".probed").get(0);
        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(pkg, bytes);
        Files.write(mark, "garbage".getBytes(StandardCharsets.UTF_8));

        RuleSet second = run(small.resolve("rules"));
        assertEquals(first.catalogue(), second.catalogue());
        assertEquals(List.of(), failures(second, small));
        CompiledRulesCache disk = new CompiledRulesCache(cacheRoot(), "test build");
        assertTrue(disk.passed(AbsentFieldProbe.behaviourKey(second.sources())), "the pass is written again");
        assertTrue(new DrlCompiler(disk).compile("station.drl", Files.readString(small.resolve("rules/station.drl"))).cached(),
                "the entry is written again");

        Files.write(pkg, Arrays.copyOf(Files.readAllBytes(pkg), 40));
        assertEquals(List.of(), failures(run(small.resolve("rules")), small), "a truncated entry is compiled again");
    }

    @Test
    void anEntryWithAGoodChecksumThatDoesNotReadBackIsIgnored() throws Exception {
        CompiledRulesCache disk = new CompiledRulesCache(cacheRoot(), "test build");
        disk.putPackages("k", List.of());
        Path pkg = entries(".pkg").get(0);
        byte[] payload = "not a serialized package".getBytes(StandardCharsets.UTF_8);
        byte[] header = Arrays.copyOf(Files.readAllBytes(pkg), "firecheck-drl-1\n".length());
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(payload);
        Files.write(pkg, concat(header, sha, payload));
        assertNull(disk.packages("k", getClass().getClassLoader()));
        assertFalse(Files.exists(pkg), "deleted, so that the next run writes it again");
    }

    @Test
    void aBrokenSetIsReportedInFullEveryTimeAndNothingIsCached() throws Exception {
        Path small = small();
        ShippedRules.edit(small.resolve("rules/station.drl"), "$s : arrivalSeconds)", "$s : arrivalSeconds"); // unbalanced
        ShippedRules.edit(small.resolve("rules/thresholds.properties"), "station.minMembers = 6", "station.minMembers = six");
        List<RuleProblem> first = assertThrows(RuleSetInvalidException.class, () -> run(small.resolve("rules"))).problems();
        assertEquals(2, first.size(), first.toString());
        assertTrue(first.stream().anyMatch(p -> p.message().contains("is never closed")), first.toString());
        assertTrue(first.stream().anyMatch(p -> p.message().contains("`six`")), first.toString());
        assertEquals(List.of(), entries(".pkg"));
        assertEquals(List.of(), entries(".probed"));
        assertEquals(first, assertThrows(RuleSetInvalidException.class, () -> run(small.resolve("rules"))).problems());
    }

    @Test
    void aSetThatCompilesButFailsTheProbeIsNotCached() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("probe"));
        Files.writeString(dir.resolve("a.drl"), RuleSetLoaderTest.HEADER
                + AbsentFieldProbeTest.UNGUARDED.formatted("stairwellFireDoors.damaged > 0"));
        Files.writeString(dir.resolve("thresholds.properties"), RuleSetLoaderTest.determination());
        for (int i = 0; i < 2; i++) {
            List<RuleProblem> problems = assertThrows(RuleSetInvalidException.class, () -> run(dir)).problems();
            assertEquals(1, problems.size(), problems.toString());
        }
        assertEquals(List.of(), entries(".pkg"));
        assertEquals(List.of(), entries(".probed"));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
