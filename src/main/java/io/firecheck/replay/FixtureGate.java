package io.firecheck.replay;

import io.firecheck.engine.RuleInfo;
import io.firecheck.engine.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

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
        LocalReplay local = new LocalReplay();
        List<Fixture> fixtures;
        try {
            fixtures = local.load(fixturesDir);
        } catch (FixtureProblemException e) {
            throw e; // names the file and line; the gate cannot judge the rules without that fixture
        } catch (RuntimeException e) {
            return List.of(unreadable(fixturesDir, e));
        }
        return run(set, fixtures, local.evaluator(set)).stream().filter(o -> !o.passed()).toList();
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
