package io.firecheck.rules;

import io.firecheck.engine.RuleProblem;
import io.firecheck.engine.RuleSet;
import io.firecheck.replay.FixtureGate;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.replay.ReplayOutcome;
import io.firecheck.rules.RuleSetStore.Head;
import io.firecheck.rules.RuleSetStore.Stored;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps this instance on the cluster's rule set: the newest accepted set in PostgreSQL. At startup the rules
 * folder seeds an empty database, or becomes the new version when the cluster never accepted its content and
 * it passes the gate, exactly as a reload would; otherwise the instance takes the stored set. Afterwards
 * {@link #converge()} (on each notification and periodically) compiles and gates a newer stored set here
 * before swapping it in. A set this instance cannot take leaves the previous one serving, the instance
 * not ready with the reason, and a record in the reload history.
 */
@ApplicationScoped
public class ClusterRuleSync {
    private static final Logger LOG = Logger.getLogger(ClusterRuleSync.class);
    static final String STARTUP = "startup";

    private final RuleBook ruleBook;
    private final RuleSetStore store;
    private final RuleReloader reloader;
    private final Clock clock;
    /** The stored set this instance last failed to take; not retried until a newer one arrives. */
    private long failedId = -1;

    public ClusterRuleSync(RuleBook ruleBook, RuleSetStore store, RuleReloader reloader, Clock clock) {
        this.ruleBook = ruleBook;
        this.store = store;
        this.reloader = reloader;
        this.clock = clock;
    }

    /** First among the startup observers: nothing is served before a rule set is. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        start();
    }

    /** What a restart does; public for the tests that simulate one. */
    public synchronized void start() {
        Instant at = clock.instant();
        RuleSet folder;
        List<RuleProblem> folderProblems = List.of();
        try {
            folder = ruleBook.compileCandidate();
        } catch (RuleSetInvalidException e) {
            folder = null;
            folderProblems = e.problems();
        }
        Optional<Head> head = store.newest();
        String clusterVersion = head.map(Head::version).orElse(null);
        if (folder != null && head.isPresent() && folder.version().equals(clusterVersion)) {
            adoptAtStartup(head.get(), folder);
            return;
        }
        if (folder != null && (head.isEmpty() || !store.known(folder.version()))) {
            List<ReplayOutcome> failing = reloader.gate(folder);
            ReloadResult outcome = failing.isEmpty() ? (head.isEmpty() ? ReloadResult.STARTUP : ReloadResult.ACTIVATED)
                    : ReloadResult.GATE_FAILED;
            reloader.record(new ReloadOutcome(outcome, folder.version(), clusterVersion, folder.catalogue().size(), at,
                    STARTUP, List.of(), failing), folder.files());
            if (failing.isEmpty()) {
                store.publish(folder, STARTUP, at);
                ruleBook.activate(folder, STARTUP);
                return;
            }
            LOG.errorf("The rules folder %s fails %d fixture(s); it does not go live", ruleBook.dir().toAbsolutePath(),
                    failing.size());
            if (head.isEmpty()) {
                FixtureGate.refuseToStart(folder, failing);
            }
            folder = null; // failed its gate: not a stand-in should the cluster's set fail here too
        } else if (folder == null) {
            reloader.record(new ReloadOutcome(ReloadResult.INVALID, null, clusterVersion, null, at, STARTUP, folderProblems,
                    List.of()), List.of());
            if (head.isEmpty()) {
                throw new IllegalStateException("Cannot start: the rules in " + ruleBook.dir().toAbsolutePath()
                        + " are invalid:\n  " + String.join("\n  ", folderProblems.stream().map(Object::toString).toList()));
            }
        }
        adoptAtStartup(head.orElseThrow(), folder);
    }

    /** Takes the cluster's set; when it cannot, serves the (valid) rules folder meanwhile and stays not ready. */
    private void adoptAtStartup(Head head, RuleSet folder) {
        if (adopt(head, null, ReloadResult.STARTUP, folder, System.nanoTime())) {
            return;
        }
        if (folder == null) {
            throw new IllegalStateException("Cannot start: " + ruleBook.problem() + "; and the rules folder cannot stand in (invalid, or it fails the fixture gate)");
        }
        ruleBook.activate(folder, STARTUP);
    }

    /** Takes the cluster's newest set if this instance serves another; cheap when nothing changed. */
    public synchronized void converge() {
        long heard = System.nanoTime();
        Optional<Head> head = store.newest();
        RuleBook.Active served = ruleBook.active();
        if (head.isEmpty() || served == null) {
            return;
        }
        if (head.get().version().equals(served.set().version())) {
            failedId = -1;
            ruleBook.problem(null);
        } else if (head.get().id() != failedId) {
            adopt(head.get(), served, ReloadResult.ADOPTED, null, heard);
        }
    }

    /**
     * Compiles and gates a stored set here, then swaps it in (only if {@code expected} still serves).
     * {@code compiled}, when it holds the same files (same version), spares the compile. {@code heard}: when this
     * check began (on a notification: when it arrived), for the log line that times each step.
     */
    private boolean adopt(Head head, RuleBook.Active expected, ReloadResult outcome, RuleSet compiled, long heard) {
        Stored stored = store.get(head.id());
        Instant at = clock.instant();
        String previous = expected == null ? null : expected.set().version();
        long started = System.nanoTime();
        RuleSet set;
        try {
            set = compiled != null && compiled.version().equals(stored.version()) ? compiled
                    : ruleBook.compile(stored.files(), "database: rule set " + stored.id() + ", loaded by "
                            + stored.loadedBy() + " at " + stored.loadedAt() + " on " + stored.instance());
        } catch (RuleSetInvalidException e) {
            return failed(head, new ReloadOutcome(ReloadResult.INVALID, stored.version(), previous, null, at, stored.loadedBy(),
                    e.problems(), List.of()), e.problems().size() + " compile error(s), first " + e.problems().get(0));
        }
        long compiledAt = System.nanoTime();
        List<ReplayOutcome> failing = set.version().equals(stored.version()) ? reloader.gate(set)
                : List.of(new ReplayOutcome("", stored.version(), set.version(), List.of("the stored files do not hash to their version")));
        if (!failing.isEmpty()) {
            return failed(head, new ReloadOutcome(ReloadResult.GATE_FAILED, stored.version(), previous, set.catalogue().size(), at,
                    stored.loadedBy(), List.of(), failing), failing.size() + " fixture(s) fail: " + fixtures(failing));
        }
        if (expected == null) {
            ruleBook.activate(set, stored.loadedBy());
        } else if (!ruleBook.activateIfStill(expected, set, stored.loadedBy())) {
            return true; // a local reload went live meanwhile; the next check compares again
        }
        long swapped = System.nanoTime();
        LOG.infof("Took the cluster's rule set %s: compiled here in %d ms, gated in %d ms; serving %d ms after the check"
                + " began (%d ms to fetch it)", set.version(), (compiledAt - started) / 1_000_000,
                (swapped - compiledAt) / 1_000_000, (swapped - heard) / 1_000_000, (started - heard) / 1_000_000);
        failedId = -1;
        ruleBook.problem(null);
        reloader.record(new ReloadOutcome(outcome, set.version(), previous, set.catalogue().size(), at, stored.loadedBy(),
                List.of(), List.of()), set.files());
        return true;
    }

    private boolean failed(Head head, ReloadOutcome outcome, String reason) {
        failedId = head.id();
        RuleSet served = ruleBook.current();
        String problem = "cannot serve the cluster's rule set " + head.version() + " (" + outcome.outcome() + "): " + reason
                + (served == null ? "" : "; still serving " + served.version());
        ruleBook.problem(problem);
        reloader.record(outcome, List.of());
        LOG.error(problem);
        return false;
    }

    private static String fixtures(List<ReplayOutcome> failing) {
        return failing.stream().limit(5).map(ReplayOutcome::fixture).collect(Collectors.joining(", "))
                + (failing.size() > 5 ? ", …" : "");
    }
}
