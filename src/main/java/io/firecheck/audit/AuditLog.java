package io.firecheck.audit;

import io.firecheck.persistence.SqlValues;
import io.firecheck.security.AccessDenied;
import io.firecheck.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The append-only audit log in PostgreSQL: written with each change, read by auditors. */
@ApplicationScoped
public class AuditLog {
    private final EntityManager em;
    private final Clock clock;

    public AuditLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** In the caller's transaction: the entry exists exactly when the change it records does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, AuditAction action, String target, String outcome) {
        Columns entry = columns(caller, action, target, outcome);
        em.createNativeQuery("""
                INSERT INTO audit_log (at, actor, roles, jurisdiction, action, target, outcome)
                VALUES (:at, :actor, :roles, :jurisdiction, :action, :target, :outcome)
                """)
                .setParameter("at", clock.instant())
                .setParameter("actor", entry.actor())
                .setParameter("roles", entry.roles())
                .setParameter("jurisdiction", entry.jurisdiction())
                .setParameter("action", entry.action())
                .setParameter("target", entry.target())
                .setParameter("outcome", entry.outcome())
                .executeUpdate();
    }

    /** An entry as the values of its columns in audit_log (all but {@code at}), cut to the columns' limits. */
    public record Columns(String actor, String roles, String jurisdiction, String action, String target, String outcome) {
    }

    /**
     * An entry's column values, also for a statement that writes it together with the change it records (group
     * commit of evaluations): the entry then exists exactly when the change does.
     */
    public static Columns columns(Caller caller, AuditAction action, String target, String outcome) {
        return new Columns(cut(caller.name()), cut(String.join(",", new TreeSet<>(caller.roles()))),
                caller.jurisdiction() == null ? null : cut(caller.jurisdiction()), action.name(),
                target == null ? null : cut(target), cut(outcome));
    }

    /** For what happens outside a change's transaction (a reload, a refusal that rolls everything else back). */
    public void recordSeparately(Caller caller, AuditAction action, String target, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> record(caller, action, target, outcome));
    }

    void onAccessDenied(@Observes AccessDenied denied) {
        recordSeparately(denied.caller(), AuditAction.AUTHORIZATION_REJECTED, denied.target(), denied.outcome());
    }

    public record Entry(Instant at, String actor, List<String> roles, String jurisdiction, AuditAction action,
                        String target, String outcome) {
    }

    public record Filter(Instant from, Instant to, String actor, AuditAction type) {
    }

    public record Page(List<Entry> items, int page, int size, long total) {
    }

    /** Oldest first, so that pages do not shift as new entries arrive. */
    @SuppressWarnings("unchecked")
    public Page page(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.from() != null) {
            where.append(" AND at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.actor() != null) {
            where.append(" AND actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.type() != null) {
            where.append(" AND action = :action");
            params.put("action", filter.type().name());
        }
        Query rows = em.createNativeQuery("SELECT at, actor, roles, jurisdiction, action, target, outcome FROM audit_log"
                + where + " ORDER BY id LIMIT :limit OFFSET :offset");
        Query count = em.createNativeQuery("SELECT count(*) FROM audit_log" + where);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        rows.setParameter("limit", size).setParameter("offset", (long) page * size);
        List<Entry> items = ((List<Object[]>) rows.getResultList()).stream().map(r -> new Entry(
                SqlValues.instant(r[0]), (String) r[1],
                ((String) r[2]).isEmpty() ? List.of() : List.of(((String) r[2]).split(",")), (String) r[3],
                AuditAction.valueOf((String) r[4]), (String) r[5], (String) r[6])).toList();
        return new Page(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    /** Names and targets come from tokens and paths; the columns have limits (200 characters at least). */
    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
