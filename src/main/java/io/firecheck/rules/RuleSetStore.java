package io.firecheck.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.config.FirecheckConfig;
import io.firecheck.config.ThisInstance;
import io.firecheck.engine.RuleSet;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.persistence.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cluster's accepted rule sets in PostgreSQL. Publishing one inserts it and notifies the other instances
 * in the same transaction, so they hear of it exactly when it is committed.
 */
@ApplicationScoped
public class RuleSetStore {
    /** The newest accepted set: its row id and version. */
    public record Head(long id, String version) {
    }

    /** One accepted set with its files, by relative name in name order (the order its version hashes). */
    public record Stored(long id, String version, Map<String, String> files, String loadedBy, Instant loadedAt,
                         String instance) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final String channel;

    public RuleSetStore(EntityManager em, ObjectMapper mapper, FirecheckConfig config) {
        this.em = em;
        this.mapper = mapper;
        // one channel per schema: a test or a second service in the same database does not hear this one
        this.channel = "firecheck_rules." + config.database().schema();
    }

    /** The LISTEN/NOTIFY channel that carries the version of each newly accepted set. */
    public String channel() {
        return channel;
    }

    public Optional<Head> newest() {
        return QuarkusTransaction.requiringNew().call(this::head);
    }

    /** The newest set in the current transaction. */
    private Optional<Head> head() {
        List<?> rows = em.createNativeQuery("SELECT id, version FROM rule_set ORDER BY id DESC LIMIT 1").getResultList();
        return rows.stream().map(Object[].class::cast).findFirst()
                .map(r -> new Head(((Number) r[0]).longValue(), (String) r[1]));
    }

    public Stored get(long id) {
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT id, version, CAST(files AS text), loaded_by, loaded_at, instance FROM rule_set WHERE id = :id
                """).setParameter("id", id).getSingleResult());
        return new Stored(((Number) r[0]).longValue(), (String) r[1], files((String) r[2]), (String) r[3],
                SqlValues.instant(r[4]), (String) r[5]);
    }

    /** Whether this content was ever accepted: an old rules folder must not come back as "new". */
    public boolean known(String version) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "SELECT 1 FROM rule_set WHERE version = :v LIMIT 1").setParameter("v", version).getResultList().isEmpty());
    }

    /** Stores an accepted set as the cluster's newest and notifies every instance when it commits. */
    public void publish(RuleSet set, String by, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> insert(set, by, at));
    }

    /**
     * Stores an accepted set as the cluster's newest only if the newest is still {@code basedOn}, the version it was
     * compared and gated against: a set accepted elsewhere meanwhile is never overwritten unseen. Publishers take
     * turns on a table lock that readers do not wait for. Joins the caller's transaction, so that what the caller
     * writes with it commits with it; every instance is notified when it commits.
     *
     * @return false, with nothing stored, when another set is the newest
     */
    public boolean publishOnto(String basedOn, RuleSet set, String by, Instant at) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            em.createNativeQuery("LOCK TABLE rule_set IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
            Optional<Head> newest = head();
            if (newest.isPresent() && !newest.get().version().equals(basedOn)) {
                return false;
            }
            insert(set, by, at);
            return true;
        });
    }

    private void insert(RuleSet set, String by, Instant at) {
        em.createNativeQuery("""
                INSERT INTO rule_set (version, files, rule_count, loaded_by, loaded_at, instance)
                VALUES (:version, CAST(:files AS jsonb), :rules, :by, :at, :instance)
                """)
                .setParameter("version", set.version())
                .setParameter("files", JsonColumns.write(mapper, set.sources()))
                .setParameter("rules", set.catalogue().size())
                .setParameter("by", by)
                .setParameter("at", at)
                .setParameter("instance", ThisInstance.NAME)
                .executeUpdate();
        em.createNativeQuery("SELECT pg_notify(:channel, :version)").setParameter("channel", channel)
                .setParameter("version", set.version()).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> files(String json) {
        // jsonb keeps its own key order; the version hashes the files in name order
        return JsonColumns.read(mapper, json, TreeMap.class);
    }
}
