package io.firecheck.rules;

import io.firecheck.config.ThisInstance;
import io.firecheck.engine.BuildIdentity;
import io.firecheck.engine.ProbeVerdicts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The cluster's passes of the absent-field probe, in PostgreSQL (V12), for this instance's build: the instance
 * that accepts a set probes it and records the pass, and every instance of the same build that takes the set
 * skips the probe (it still compiles and gates the set itself). The meter {@code firecheck.rule.probes} counts,
 * by {@code probe}, the probes run and skipped here. A database that cannot answer costs a probe, never a set.
 */
@ApplicationScoped
public class ProbeVerdictStore implements ProbeVerdicts {
    private static final Logger LOG = Logger.getLogger(ProbeVerdictStore.class);

    private final EntityManager em;
    private final Clock clock;
    private final String build = BuildIdentity.ofThisBuild();
    private final Counter run;
    private final Counter skipped;

    public ProbeVerdictStore(EntityManager em, Clock clock, MeterRegistry meters) {
        this.em = em;
        this.clock = clock;
        this.run = meters.counter("firecheck.rule.probes", "probe", "run");
        this.skipped = meters.counter("firecheck.rule.probes", "probe", "skipped");
    }

    /** The build this instance's passes are recorded for. */
    public String build() {
        return build;
    }

    /** The loader asks just before it would probe, so a miss is a probe run. */
    @Override
    public boolean passed(String behaviourKey) {
        boolean passed;
        try {
            passed = QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                    "SELECT 1 FROM rule_probe_pass WHERE behaviour_key = :key AND build = :build")
                    .setParameter("key", behaviourKey).setParameter("build", build).getResultList().isEmpty());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the probe passes (%s); probing", e.getMessage());
            passed = false;
        }
        (passed ? skipped : run).increment();
        return passed;
    }

    @Override
    public void recordPass(String behaviourKey, String version) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO rule_probe_pass (behaviour_key, build, version, instance, passed_at)
                    VALUES (:key, :build, :version, :instance, :at) ON CONFLICT DO NOTHING
                    """)
                    .setParameter("key", behaviourKey)
                    .setParameter("build", build)
                    .setParameter("version", version)
                    .setParameter("instance", ThisInstance.NAME)
                    .setParameter("at", clock.instant())
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot record the probe's pass of rule set %s (%s); other instances will probe it", version, e.getMessage());
        }
    }
}
