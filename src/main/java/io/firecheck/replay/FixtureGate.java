package io.firecheck.replay;

import io.firecheck.engine.RuleInfo;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a rule set must pass before it serves: every fixture gives what it expects, and every rule has a
 * fixture where it fires and a boundary fixture where it does not. One check for {@code bin/firecheck test},
 * the reload gate and startup, so a rule without fixtures cannot slip through any of them.
 */
public final class FixtureGate {
    /** The two kinds of fixture every rule needs, as written in a fixture's {@code covers}. */
    public static final List<String> COVERAGE = List.of("fires", "boundary");
    /** Prefix of the rows that report a missing fixture, so they read apart from real fixtures. */
    public static final String COVERAGE_ROW = "coverage/";

    /** One mapper for every gate, so that its deserializers are built once, not per reload. */
    private static final LocalReplay LOCAL = new LocalReplay();
    /** The fixtures read from each folder, with the hash of the files they were read from. */
    private static final Map<Path, Read> READ = new ConcurrentHashMap<>();

    private record Read(String hash, List<Fixture> fixtures) {
    }

    private FixtureGate() {
    }

    /**
     * Only what fails: failing fixtures, then rules that lack a fixture. Empty means the set may serve.
     *
     * @throws FixtureProblemException when a fixture file cannot be read
     */
    public static List<ReplayOutcome> failures(RuleSet set, Path fixturesDir) {
        if (!Files.isDirectory(fixturesDir)) {
            return List.of(new ReplayOutcome(fixturesDir.toString(), "", "", List.of(
                    "测试用例目录不存在 the fixtures folder does not exist; set firecheck.rules.fixtures-dir "
                            + "or switch the gate off with firecheck.rules.fixture-gate=false")));
        }
        List<Fixture> fixtures;
        try {
            fixtures = fixtures(fixturesDir);
        } catch (FixtureProblemException e) {
            throw e; // names the file and line; the gate cannot judge the rules without that fixture
        } catch (RuntimeException e) {
            return List.of(unreadable(fixturesDir, e));
        }
        return run(set, fixtures, LOCAL.evaluator(set)).stream().filter(o -> !o.passed()).toList();
    }

    /**
     * The folder's fixtures, parsed again only when a fixture file changed: every gate reads and hashes the files
     * (a few milliseconds), so an edited fixture always counts, but it does not parse 228 of them per reload.
     */
    private static List<Fixture> fixtures(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        String hash = hash(key);
        Read read = READ.get(key);
        if (read == null || !read.hash().equals(hash)) {
            read = new Read(hash, LOCAL.load(key));
            READ.put(key, read);
        }
        return read.fixtures();
    }

    /** sha256 over each JSON file's relative name and bytes, in name order (what {@link FixtureLoader} reads). */
    private static String hash(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
            return Sha256.ofFiles(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixtures in " + dir, e);
        }
    }

    /** At startup there is no older set to keep serving: a set that fails the gate stops the service. */
    public static void refuseToStart(RuleSet set, List<ReplayOutcome> failures) {
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Cannot start: the rules in " + set.directory() + " fail the fixture gate ("
                    + failures.size() + "):\n  " + String.join("\n  ", failures.stream()
                    .map(o -> o.fixture() + ": " + String.join("; ", o.differences())).toList())
                    + "\nFix the rules or fixtures (bin/firecheck test), or set FIRECHECK_RULES_FIXTURE_GATE=false");
        }
    }

    /** The row for a fixtures folder that cannot be walked (a broken fixture file throws with its file and line). */
    private static ReplayOutcome unreadable(Path fixturesDir, RuntimeException e) {
        return new ReplayOutcome(fixturesDir.toString(), "", "", List.of("测试用例目录无法读取 the fixtures folder cannot be read: "
                + e.getMessage()));
    }

    /**
     * Every fixture's outcome, then one failing row per missing fixture. Fixtures are evaluated on every core:
     * {@code evaluate} must be safe to call from several threads (an in-process evaluation is).
     */
    public static List<ReplayOutcome> run(RuleSet set, List<Fixture> fixtures, Function<Fixture, Replay.Observed> evaluate) {
        List<ReplayOutcome> out = new ArrayList<>(Replay.runParallel(fixtures, evaluate));
        out.addAll(coverageGaps(set.catalogue().values(), fixtures));
        return out;
    }

    /** One failing row per rule and kind without a fixture. */
    public static List<ReplayOutcome> coverageGaps(Collection<RuleInfo> rules, List<Fixture> fixtures) {
        List<ReplayOutcome> out = new ArrayList<>();
        for (RuleInfo rule : rules) {
            for (String how : COVERAGE) {
                if (fixtures.stream().noneMatch(f -> how.equals(f.covers().get(rule.id())))) {
                    out.add(new ReplayOutcome(COVERAGE_ROW + rule.id(), "a \"" + how + "\" fixture", "none", List.of(
                            ("fires".equals(how) ? "缺少规则触发的测试用例" : "缺少边界（不触发）的测试用例")
                                    + " no fixture has \"covers\": {\"" + rule.id() + "\": \"" + how + "\"} ("
                                    + rule.file() + ")")));
                }
            }
        }
        return out;
    }
}
