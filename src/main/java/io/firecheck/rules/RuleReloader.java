package io.firecheck.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.audit.AuditAction;
import io.firecheck.audit.AuditLog;
import io.firecheck.config.FirecheckConfig;
import io.firecheck.config.ThisInstance;
import io.firecheck.engine.RuleProblem;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.replay.FixtureGate;
import io.firecheck.replay.FixtureProblemException;
import io.firecheck.replay.ReplayOutcome;
import io.firecheck.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Safe reload: compile a candidate from the rules folder, replay the fixtures against it, and only then
 * swap it in. Any failure leaves the active set serving. Every attempt is recorded.
 */
@ApplicationScoped
public class RuleReloader {
    private static final Logger LOG = Logger.getLogger(RuleReloader.class);

    private final RuleBook ruleBook;
    private final FirecheckConfig config;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReentrantLock running = new ReentrantLock();
    private final RuleSetStore store;
    private final AuditLog audit;

    public RuleReloader(RuleBook ruleBook, FirecheckConfig config, EntityManager em, ObjectMapper mapper, Clock clock,
                        MeterRegistry meters, RuleSetStore store, AuditLog audit) {
        this.store = store;
        this.ruleBook = ruleBook;
        this.config = config;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.meters = meters;
        this.audit = audit;
    }

    /**
     * One reload compiles at a time (each takes seconds of CPU), and a request while one runs is turned away
     * rather than queued, so reloads cannot be used to tie up the service. The audit log records it.
     *
     * @throws ReloadInProgressException when another reload is running
     * @throws ClusterSetChangedException when another instance accepted a set while this one compiled (nothing changed)
     */
    public ReloadOutcome reloadUnlessBusy(Caller caller) {
        if (!running.tryLock()) {
            throw new ReloadInProgressException();
        }
        try {
            return audited(caller, () -> reloadLocked(caller.name()));
        } finally {
            running.unlock();
        }
    }

    /** Waits for a running reload, then reloads: a change on disk seen while one runs must not be lost. */
    public ReloadOutcome reload(Caller caller) {
        running.lock();
        try {
            return audited(caller, () -> reloadLocked(caller.name()));
        } finally {
            running.unlock();
        }
    }

    /**
     * Makes given files the cluster's rule set as a reload makes the folder's: compiled, gated, recorded under
     * the caller's name and published, or rejected with the active set still serving. Only onto the set that
     * {@code expectedServing} names: a preview's candidate goes live only on the set its impact was measured against.
     *
     * @throws ReloadInProgressException when another reload is running
     * @throws ServedSetChangedException when another set serves now, or became the cluster's newest meanwhile
     */
    public ReloadOutcome applyUnlessBusy(Caller caller, Map<String, String> files, String origin, String expectedServing) {
        if (!running.tryLock()) {
            throw new ReloadInProgressException();
        }
        try {
            RuleSet serving = ruleBook.current();
            if (!serving.version().equals(expectedServing)) {
                throw new ServedSetChangedException(expectedServing, serving.version());
            }
            return audited(caller, () -> counted(compileAndGate(serving, clock.instant(), caller.name(),
                    () -> ruleBook.compile(files, origin))));
        } catch (ClusterSetChangedException e) {
            throw new ServedSetChangedException(expectedServing, e.newest());
        } finally {
            running.unlock();
        }
    }

    /** Runs a reload and records it in the audit log, a publish refused for a newer cluster set too. */
    private ReloadOutcome audited(Caller caller, Supplier<ReloadOutcome> reload) {
        ReloadOutcome outcome;
        try {
            outcome = reload.get();
        } catch (ClusterSetChangedException e) {
            audit.recordSeparately(caller, AuditAction.RULE_RELOAD, "rule set " + e.candidate(),
                    ReloadAudit.CLUSTER_SET_CHANGED.name());
            throw e;
        }
        audit.recordSeparately(caller, AuditAction.RULE_RELOAD,
                "rule set " + (outcome.version() == null ? "(not compiled)" : outcome.version()),
                ReloadAudit.of(outcome.outcome()).name());
        return outcome;
    }

    private ReloadOutcome reloadLocked(String by) {
        Instant at = clock.instant();
        RuleSet previous = ruleBook.current();
        return counted(ruleBook.folderVersion().equals(previous.version()) ? unchanged(previous, at, by)
                : compileAndGate(previous, at, by, ruleBook::compileCandidate));
    }

    private ReloadOutcome counted(ReloadOutcome outcome) {
        meters.counter("firecheck.rule.reloads", "outcome", outcome.outcome().name()).increment();
        if (outcome.rejected()) {
            LOG.warnf("Rule reload by %s rejected (%s); still serving %s", outcome.by(), outcome.outcome(), outcome.previousVersion());
        }
        return outcome;
    }

    /** The folder holds the files that serve: nothing to compile or gate. */
    private ReloadOutcome unchanged(RuleSet previous, Instant at, String by) {
        ReloadOutcome outcome = new ReloadOutcome(ReloadResult.UNCHANGED, previous.version(), previous.version(),
                previous.catalogue().size(), at, by, List.of(), List.of());
        record(outcome, previous.files());
        return outcome;
    }

    /** Where a reload's candidate comes from: the rules folder, or given files. */
    private interface Candidate {
        RuleSet compile() throws RuleSetInvalidException;
    }

    private ReloadOutcome compileAndGate(RuleSet previous, Instant at, String by, Candidate source) {
        ReloadOutcome outcome;
        try {
            long started = System.nanoTime();
            RuleSet candidate = source.compile();
            long compiled = System.nanoTime();
            boolean unchanged = candidate.version().equals(previous.version());
            List<ReplayOutcome> failing = unchanged ? List.of() : gate(candidate);
            ReloadResult result = unchanged ? ReloadResult.UNCHANGED : failing.isEmpty() ? ReloadResult.ACTIVATED
                    : ReloadResult.GATE_FAILED;
            LOG.infof("Reload by %s: rule set %s compiled in %d ms, gated in %d ms: %s", by, candidate.version(),
                    (compiled - started) / 1_000_000, (System.nanoTime() - compiled) / 1_000_000, result);
            outcome = new ReloadOutcome(result, candidate.version(), previous.version(), candidate.catalogue().size(),
                    at, by, List.of(), failing);
            if (result == ReloadResult.ACTIVATED) {
                publish(candidate, outcome, previous);
                ruleBook.activate(candidate, by);
            } else {
                record(outcome, candidate.files());
            }
        } catch (RuleSetInvalidException e) {
            outcome = new ReloadOutcome(ReloadResult.INVALID, null, previous.version(), null, at, by, e.problems(), List.of());
            record(outcome, List.of());
        } catch (FixtureProblemException e) {
            // the gate cannot judge the candidate on a broken fixture file: rejected, and on record
            RuleProblem problem = new RuleProblem(Path.of(config.rules().fixturesDir()).resolve(e.file()).toString(),
                    e.line(), "fixture file: " + e.problem());
            outcome = new ReloadOutcome(ReloadResult.GATE_FAILED, null, previous.version(), null, at, by, List.of(problem), List.of());
            record(outcome, List.of());
        }
        return outcome;
    }

    /**
     * Makes the candidate the cluster's newest set (every other instance hears of it and takes it too) with its
     * history entry in the same transaction, so a set never serves without one; unless another set became the
     * newest while the candidate was compiled and gated against {@code previous}.
     *
     * @throws ClusterSetChangedException then: nothing stored, {@code previous} still serving here
     */
    private void publish(RuleSet candidate, ReloadOutcome outcome, RuleSet previous) {
        ReloadEntity entry = entity(outcome, candidate.files());
        boolean published = QuarkusTransaction.requiringNew().call(() -> {
            if (!store.publishOnto(previous.version(), candidate, outcome.by(), outcome.at())) {
                return false;
            }
            em.persist(entry);
            return true;
        });
        if (!published) {
            throw new ClusterSetChangedException(candidate.version(), previous.version(),
                    store.newest().map(RuleSetStore.Head::version).orElse("(none)"));
        }
    }

    List<ReplayOutcome> gate(RuleSet candidate) {
        if (!config.rules().fixtureGate()) {
            return List.of();
        }
        return FixtureGate.failures(candidate, Path.of(config.rules().fixturesDir()));
    }

    void record(ReloadOutcome o, List<String> files) {
        ReloadEntity e = entity(o, files);
        QuarkusTransaction.requiringNew().run(() -> em.persist(e));
    }

    private ReloadEntity entity(ReloadOutcome o, List<String> files) {
        ReloadEntity e = new ReloadEntity();
        e.instance = ThisInstance.NAME;
        e.at = o.at();
        e.actor = o.by();
        e.outcome = o.outcome().name();
        e.version = o.version();
        e.previousVersion = o.previousVersion();
        e.ruleCount = o.ruleCount();
        e.files = json(files);
        e.errors = json(o.errors());
        e.failingFixtures = json(o.failingFixtures());
        return e;
    }

    /** One recorded reload attempt, newest first in {@link #history}. */
    @Schema(name = "ReloadAttempt")
    public record Attempt(Instant at, String by, ReloadResult outcome, String version, String previousVersion, Integer ruleCount,
                          List<String> files, List<RuleProblem> errors, List<ReplayOutcome> failingFixtures,
                          String instance) {
    }

    public List<Attempt> history(int limit) {
        return em.createQuery("FROM ReloadEntity r ORDER BY r.id DESC", ReloadEntity.class).setMaxResults(limit)
                .getResultStream()
                .map(r -> new Attempt(r.at, r.actor, ReloadResult.valueOf(r.outcome), r.version, r.previousVersion, r.ruleCount,
                        JsonColumns.read(mapper, r.files, new TypeReference<List<String>>() { }),
                        JsonColumns.read(mapper, r.errors, new TypeReference<List<RuleProblem>>() { }),
                        JsonColumns.read(mapper, r.failingFixtures, new TypeReference<List<ReplayOutcome>>() { }), r.instance))
                .toList();
    }

    private String json(Object value) {
        return JsonColumns.write(mapper, value);
    }
}
