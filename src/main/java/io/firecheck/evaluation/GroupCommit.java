package io.firecheck.evaluation;

import io.firecheck.audit.AuditAction;
import io.firecheck.audit.AuditLog;
import io.firecheck.config.FirecheckConfig;
import io.firecheck.security.Caller;
import io.firecheck.web.ProblemMappers;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Group commit of new evaluations: requests hand their row to a queue and wait; a writer thread takes every
 * row that is waiting, stores them and their audit entries with one statement that is its own transaction,
 * and completes each request's future only after that statement, and so its COMMIT, returned. Concurrent
 * requests thus share one transaction and one WAL fsync, with synchronous_commit on: a 201 still means the
 * row is on disk.
 *
 * <p>Rows whose building has an open supervision order are not written here: the order must be updated in
 * the same transaction, row by row under its lock, so they come back as {@link Written#NEEDS_ORDERS} and the
 * caller stores them on its own ({@link EvaluationService}). A row whose inspection id is taken comes back as
 * {@link Written#DUPLICATE}. When a group fails for any reason but an unreachable database, each of its rows
 * is tried again in a transaction of its own, so one bad row fails only its own request.
 */
@ApplicationScoped
public class GroupCommit {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    static final long LEAST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** How a row ended. */
    public enum Written { STORED, DUPLICATE, NEEDS_ORDERS }

    /** One row waiting for a writer; taken by a writer or given up by its caller, whichever comes first. */
    static final class Pending {
        private static final int WAITING = 0, TAKEN = 1, ABANDONED = 2;
        final EvaluationEntity row;
        /** Its audit entry, written in the statement that stores the row. */
        final AuditLog.Columns audit;
        final CompletableFuture<Written> written = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        Pending(EvaluationEntity row, Caller submitter) {
            this.row = row;
            this.audit = AuditLog.columns(submitter, AuditAction.EVALUATION_STORED, "evaluation " + row.id, row.classification);
        }
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final EvaluationListener listener;
    private final FirecheckConfig.Store config;
    /** Submissions, each one request's rows (a batch's chunk), kept together in one group. */
    private final BlockingQueue<List<Pending>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    public GroupCommit(DataSource dataSource, Clock clock, EvaluationListener listener, FirecheckConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.listener = listener;
        this.config = config.store();
    }

    @PostConstruct
    void start() {
        for (int i = 0; i < config.writers(); i++) {
            Thread t = new Thread(this::drain, "evaluation-writer-" + i);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
    }

    /**
     * Queues the rows and waits for their outcomes, in their order; a row that failed is its exception. The
     * wait ends commit-timeout after started (System.nanoTime() when the request began its work), but never
     * sooner than {@link #LEAST_WAIT_NANOS} after queueing: a slow evaluation must not fail a healthy commit.
     */
    public List<Object> write(List<EvaluationEntity> rows, Caller submitter, long started) {
        List<Pending> pending = rows.stream().map(r -> new Pending(r, submitter)).toList();
        if (!running) {
            throw unavailable("the service is shutting down");
        }
        queue.add(pending);
        long deadline = Math.max(started + config.commitTimeout().toNanos(), System.nanoTime() + LEAST_WAIT_NANOS);
        List<Object> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            out.add(await(p, deadline));
        }
        return out;
    }

    /**
     * A request is answered in time even when the database hangs: a row still queued at the deadline is
     * withdrawn (nothing stored); one a writer holds may yet commit, which a retry with the same document
     * finds (idempotent), so the 503 never hides a stored evaluation from the client.
     */
    private Object await(Pending p, long deadline) {
        try {
            return p.written.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            p.state.compareAndSet(Pending.WAITING, Pending.ABANDONED);
            return unavailable("no commit within " + config.commitTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        }
    }

    private static RuntimeException unavailable(String why) {
        return new IllegalStateException("evaluation not stored", new SQLTransientConnectionException(why));
    }

    private void drain() {
        List<Pending> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                List<Pending> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.addAll(first);
                // everything that waits, up to about maxGroup rows (a submission is never split)
                for (List<Pending> next; group.size() < config.maxGroup() && (next = queue.poll()) != null; ) {
                    group.addAll(next);
                }
                group.removeIf(p -> !p.state.compareAndSet(Pending.WAITING, Pending.TAKEN));
                if (!group.isEmpty()) {
                    commit(group);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("evaluation writer", e);
                group.forEach(p -> p.written.completeExceptionally(e));
            }
        }
    }

    private void commit(List<Pending> group) {
        // one order of inspection ids in every group: two writers never wait on each other's rows in a cycle
        group.sort(Comparator.comparing(p -> p.row.inspectionId));
        try {
            List<Written> outcomes = store(group);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).written.complete(outcomes.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            if (group.size() == 1 || ProblemMappers.databaseUnavailable(e)) {
                RuntimeException failed = e instanceof RuntimeException r ? r : new IllegalStateException("evaluation not stored", e);
                group.forEach(p -> p.written.completeExceptionally(failed));
                return;
            }
            LOG.debugf("a group of %d failed (%s); storing its rows one by one", group.size(), e.getMessage());
            for (Pending p : group) {
                commit(new ArrayList<>(List.of(p)));
            }
        }
    }

    /**
     * On one connection in autocommit: the buildings the listener follows (a read, no transaction to keep
     * open), then one statement that inserts the other rows and the audit entries of those it inserted. That
     * statement is its own transaction: PostgreSQL answers it after its COMMIT, so two round trips and one
     * fsync per group, and no transaction left open while this thread waits for a core.
     */
    private List<Written> store(List<Pending> group) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            Set<String> withOrder = listener.follows(c, group.stream().map(p -> p.row.buildingId).distinct().toList());
            List<Pending> plain = group.stream().filter(p -> !withOrder.contains(p.row.buildingId)).toList();
            Set<UUID> inserted = insert(c, plain);
            return group.stream().map(p -> withOrder.contains(p.row.buildingId) ? Written.NEEDS_ORDERS
                    : inserted.contains(p.row.id) ? Written.STORED : Written.DUPLICATE).toList();
        }
    }

    /**
     * One column of the insert: its name in the statement, the type its text array is cast to (null: text), and
     * its value in a row. The statement and its arrays are both built from {@link #EVALUATION} and {@link #AUDIT},
     * so a column added there cannot shift the others.
     */
    private record Column(String name, String type, Function<Pending, String> value) {
        String select() {
            return type == null ? name : name + "::" + type + " AS " + name;
        }
    }

    /** The columns of table evaluation, written as named. */
    private static final List<Column> EVALUATION = List.of(
            new Column("id", "uuid", p -> p.row.id.toString()),
            new Column("inspection_id", null, p -> p.row.inspectionId),
            new Column("building_id", null, p -> p.row.buildingId),
            new Column("jurisdiction", null, p -> p.row.jurisdiction),
            new Column("inspection_date", "date", p -> p.row.inspectionDate.toString()),
            new Column("classification", null, p -> p.row.classification),
            new Column("rule_set_version", null, p -> p.row.ruleSetVersion),
            new Column("evaluated_at", "timestamptz", p -> p.row.evaluatedAt.toString()),
            new Column("document", "jsonb", p -> p.row.document),
            new Column("result", "jsonb", p -> p.row.result),
            new Column("submitted_by", null, p -> p.row.submittedBy));

    /** The columns of table audit_log but {@code at}, named here with "audit_" before them (jurisdiction is in both tables). */
    private static final List<Column> AUDIT = List.of(
            new Column("actor", null, p -> p.audit.actor()),
            new Column("roles", null, p -> p.audit.roles()),
            new Column("jurisdiction", null, p -> p.audit.jurisdiction()),
            new Column("action", null, p -> p.audit.action()),
            new Column("target", null, p -> p.audit.target()),
            new Column("outcome", null, p -> p.audit.outcome()));

    private static final List<Column> ALL = Stream.concat(EVALUATION.stream(),
            AUDIT.stream().map(a -> new Column("audit_" + a.name(), a.type(), a.value()))).toList();

    /** Parameters: one text array per column of {@link #ALL}, in its order, then the audit entries' time. */
    private static final String INSERT = """
            WITH r AS (
                SELECT %s, position
                FROM unnest(%s) WITH ORDINALITY AS u (%s, position)
            ), stored AS (
                INSERT INTO evaluation (%s)
                SELECT %s FROM r ORDER BY position
                ON CONFLICT (inspection_id) DO NOTHING
                RETURNING id
            ), audited AS (
                INSERT INTO audit_log (at, %s)
                SELECT ?, %s FROM r JOIN stored USING (id) ORDER BY position
            )
            SELECT id FROM stored
            """.formatted(names(ALL.stream().map(Column::select)), names(ALL.stream().map(c -> "?::text[]")),
            names(ALL.stream().map(Column::name)), names(EVALUATION.stream().map(Column::name)),
            names(EVALUATION.stream().map(Column::name)), names(AUDIT.stream().map(Column::name)),
            names(ALL.subList(EVALUATION.size(), ALL.size()).stream().map(Column::name)));

    private static String names(Stream<String> names) {
        return names.collect(Collectors.joining(", "));
    }

    /** One statement for any number of rows and their audit entries (arrays, not a VALUES list): one plan, one round trip. */
    private Set<UUID> insert(Connection c, List<Pending> rows) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        if (rows.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            int parameter = 1;
            for (Column column : ALL) {
                st.setArray(parameter++, c.createArrayOf("text", rows.stream().map(column.value()).toArray()));
            }
            st.setObject(parameter, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    /** Rows already queued are still written; new ones are refused (503) once shutdown has begun. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread t : writers) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
