package io.firecheck.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.audit.AuditAction;
import io.firecheck.audit.AuditLog;
import io.firecheck.config.FirecheckConfig;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.replay.LocalReplay;
import io.firecheck.replay.ReplayOutcome;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final AuditLog audit;

    public RuleReloader(RuleBook ruleBook, FirecheckConfig config, EntityManager em, ObjectMapper mapper, Clock clock,
                        MeterRegistry meters, AuditLog audit) {
        this.ruleBook = ruleBook;
        this.config = config;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.meters = meters;
        this.audit = audit;
    }

    /** A reload on someone's behalf (a rule author, or the folder watch): the audit log records it with its outcome. */
    public ReloadOutcome reload(Caller caller) {
        ReloadOutcome outcome = reload(caller.name());
        audit.recordSeparately(caller, AuditAction.RULE_RELOAD,
                "rule set " + (outcome.version() == null ? "(not compiled)" : outcome.version()), outcome.outcome());
        return outcome;
    }

    /** The set loaded at startup opens the history, so every version that served is on record. */
    void recordStartup(@Observes StartupEvent event) {
        RuleSet set = ruleBook.current();
        record(new ReloadOutcome("STARTUP", set.version(), null, set.catalogue().size(), set.loadedAt(), "startup",
                List.of(), List.of()), set.files());
    }

    /** Reloads are serialized: two at once would race to decide which set is live. */
    public synchronized ReloadOutcome reload(String by) {
        Instant at = clock.instant();
        RuleSet previous = ruleBook.current();
        ReloadOutcome outcome;
        try {
            RuleSet candidate = ruleBook.compileCandidate();
            boolean unchanged = candidate.version().equals(previous.version());
            List<ReplayOutcome> failing = unchanged ? List.of() : gate(candidate);
            String result = unchanged ? "UNCHANGED" : failing.isEmpty() ? "ACTIVATED" : "GATE_FAILED";
            outcome = new ReloadOutcome(result, candidate.version(), previous.version(), candidate.catalogue().size(),
                    at, by, List.of(), failing);
            // recorded before the swap: a set never serves without its history entry
            record(outcome, candidate.files());
            if ("ACTIVATED".equals(result)) {
                ruleBook.activate(candidate, by);
            }
        } catch (RuleSetInvalidException e) {
            outcome = new ReloadOutcome("INVALID", null, previous.version(), null, at, by, e.problems(), List.of());
            record(outcome, List.of());
        }
        meters.counter("firecheck.rule.reloads", "outcome", outcome.outcome()).increment();
        if (outcome.rejected()) {
            LOG.warnf("Rule reload by %s rejected (%s); still serving %s", by, outcome.outcome(), previous.version());
        }
        return outcome;
    }

    private List<ReplayOutcome> gate(RuleSet candidate) {
        if (!config.rules().fixtureGate()) {
            return List.of();
        }
        Path fixtures = Path.of(config.rules().fixturesDir());
        if (!Files.isDirectory(fixtures)) {
            return List.of(new ReplayOutcome(fixtures.toString(), "", "", List.of(
                    "the fixture gate is on but the fixtures folder does not exist; set firecheck.rules.fixtures-dir "
                            + "or switch the gate off with firecheck.rules.fixture-gate=false")));
        }
        return new LocalReplay().run(candidate, fixtures).stream().filter(o -> !o.passed()).toList();
    }

    private void record(ReloadOutcome o, List<String> files) {
        ReloadEntity e = new ReloadEntity();
        e.at = o.at();
        e.actor = o.by();
        e.outcome = o.outcome();
        e.version = o.version();
        e.previousVersion = o.previousVersion();
        e.ruleCount = o.ruleCount();
        e.files = json(files);
        e.errors = json(o.errors());
        e.failingFixtures = json(o.failingFixtures());
        QuarkusTransaction.requiringNew().run(() -> em.persist(e));
    }

    /** One recorded reload attempt, newest first in {@link #history}. */
    public record Attempt(Instant at, String by, String outcome, String version, String previousVersion, Integer ruleCount,
                          JsonNode files, JsonNode errors, JsonNode failingFixtures) {
    }

    public List<Attempt> history(int limit) {
        return em.createQuery("FROM ReloadEntity r ORDER BY r.id DESC", ReloadEntity.class).setMaxResults(limit)
                .getResultStream()
                .map(r -> new Attempt(r.at, r.actor, r.outcome, r.version, r.previousVersion, r.ruleCount, tree(r.files),
                        tree(r.errors), tree(r.failingFixtures)))
                .toList();
    }

    private JsonNode tree(String json) {
        return JsonColumns.tree(mapper, json);
    }

    private String json(Object value) {
        return JsonColumns.write(mapper, value);
    }
}
