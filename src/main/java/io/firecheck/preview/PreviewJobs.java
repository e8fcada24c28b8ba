package io.firecheck.preview;

import io.firecheck.persistence.NetworkTimeout;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The rule_preview table (V9): each job's state, written by the instance that runs it, read by any. */
@ApplicationScoped
public class PreviewJobs {
    /** Writing a large result in one statement may take longer than the service's 1 s socket timeout. */
    static final Duration WRITE_RESULT_TIMEOUT = Duration.ofSeconds(60);

    private final DataSource dataSource;

    public PreviewJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A job as stored; result is its JSON text, null until DONE; thresholdChanges JSON text, null unless THRESHOLDS. */
    record Row(UUID id, String requestedBy, String callerScope, String jurisdiction, PreviewJob.Source source,
               String thresholdChanges, String candidateVersion, String activeVersion, String instance, PreviewJob.Status status, int done,
               Integer total, Instant startedAt, Instant updatedAt, Instant finishedAt, String result, String problem) {
    }

    /** A new job with the files of its candidate (JSON), which applying the preview takes. */
    void insert(Row r, String candidateFiles) {
        unchecked(() -> update("""
                INSERT INTO rule_preview (id, requested_by, caller_scope, jurisdiction, source, threshold_changes, candidate_version,
                                          active_version, instance, status, done, started_at, updated_at, candidate_files)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, 0, ?, ?, CAST(? AS jsonb))""",
                r.id(), r.requestedBy(), r.callerScope(), r.jurisdiction(), r.source().name(), r.thresholdChanges(),
                r.candidateVersion(), r.activeVersion(), r.instance(), r.status().name(), ts(r.startedAt()), ts(r.startedAt()),
                candidateFiles));
    }

    /** The candidate's files as JSON; empty for a job stored before they were kept. */
    Optional<String> candidateFiles(UUID id) {
        return unchecked(() -> {
            try (Connection c = dataSource.getConnection(); NetworkTimeout t = new NetworkTimeout(c, WRITE_RESULT_TIMEOUT);
                 PreparedStatement s = c.prepareStatement("SELECT candidate_files::text FROM rule_preview WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    void progress(UUID id, int done, Integer total, Instant at) {
        unchecked(() -> update("UPDATE rule_preview SET status = 'RUNNING', done = ?, total = ?, updated_at = ? WHERE id = ?",
                done, total, ts(at), id));
    }

    void finish(UUID id, int done, String resultJson, Instant at) {
        unchecked(() -> {
            try (Connection c = dataSource.getConnection(); NetworkTimeout t = new NetworkTimeout(c, WRITE_RESULT_TIMEOUT);
                 PreparedStatement s = c.prepareStatement("""
                         UPDATE rule_preview SET status = 'DONE', done = ?, result = CAST(? AS jsonb), updated_at = ?, finished_at = ?
                         WHERE id = ?""")) {
                set(s, done, resultJson, ts(at), ts(at), id);
                return s.executeUpdate();
            }
        });
    }

    void fail(UUID id, String problem, Instant at) {
        unchecked(() -> update("UPDATE rule_preview SET status = 'FAILED', problem = ?, updated_at = ?, finished_at = ? WHERE id = ?",
                problem, ts(at), ts(at), id));
    }

    /** Jobs started before the cut-off are forgotten: a preview is worth looking at for a day, not kept as a record. */
    void purgeStartedBefore(Instant cutoff) {
        unchecked(() -> update("DELETE FROM rule_preview WHERE started_at < ?", ts(cutoff)));
    }

    Optional<Row> find(UUID id) {
        return unchecked(() -> {
            try (Connection c = dataSource.getConnection(); NetworkTimeout t = new NetworkTimeout(c, WRITE_RESULT_TIMEOUT);
                 PreparedStatement s = c.prepareStatement("""
                         SELECT id, requested_by, caller_scope, jurisdiction, source, threshold_changes::text, candidate_version,
                                active_version, instance, status, done, total, started_at, updated_at, finished_at, result::text, problem
                         FROM rule_preview WHERE id = ?""")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            PreviewJob.Source.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), PreviewJob.Status.valueOf(rs.getString(10)), rs.getInt(11), (Integer) rs.getObject(12),
                            instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)),
                            rs.getString(16), rs.getString(17)));
                }
            }
        });
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    /** A failure of this table is unexpected: unchecked, mapped like any database error (503 when it is unreachable). */
    private static <T> T unchecked(Sql<T> sql) {
        try {
            return sql.run();
        } catch (SQLException e) {
            throw new IllegalStateException("rule_preview: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            set(s, values);
            return s.executeUpdate();
        }
    }

    private static void set(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
