package io.firecheck.evaluation;

import io.firecheck.persistence.Jurisdictions;
import io.firecheck.persistence.NetworkTimeout;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The latest stored evaluation of every building, streamed through a server-side cursor: a whole city's
 * documents pass through memory a few hundred at a time. Read-only.
 */
@ApplicationScoped
public class LatestEvaluations {
    /** Rows per round trip of the cursor. */
    static final int FETCH_SIZE = 500;
    /** One fetch, or the count, may take longer than the service's 1 s socket timeout on a large table. */
    static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(60);

    private final DataSource dataSource;

    public LatestEvaluations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One building's latest evaluation: the stored document and the rule ids of its stored findings. */
    public record Row(String evaluationId, String inspectionId, String buildingId, String jurisdiction, String classification,
                      String ruleSetVersion, String document, List<String> findings) {
    }

    /** Buildings of all the given areas at once (each covers its sub-areas); null areas do not limit. */
    public int count(List<String> areas) throws SQLException {
        try (Connection c = dataSource.getConnection(); NetworkTimeout t = new NetworkTimeout(c, NETWORK_TIMEOUT);
             PreparedStatement s = c.prepareStatement("SELECT count(DISTINCT building_id) FROM evaluation WHERE true" + where(areas))) {
            bind(s, areas);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Each building's latest evaluation (latest inspection date, then latest stored), in building id order. */
    public void forEach(List<String> areas, Consumer<Row> each) throws SQLException {
        String sql = """
                SELECT DISTINCT ON (building_id) id::text, inspection_id, building_id, jurisdiction, classification,
                       rule_set_version, document::text,
                       ARRAY(SELECT f ->> 'ruleId' FROM jsonb_array_elements(result -> 'findings') f)
                FROM evaluation WHERE true""" + where(areas) + """

                ORDER BY building_id, inspection_date DESC, evaluated_at DESC""";
        try (Connection c = dataSource.getConnection(); NetworkTimeout t = new NetworkTimeout(c, NETWORK_TIMEOUT)) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL keeps a cursor only inside a transaction
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(FETCH_SIZE);
                bind(s, areas);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), Arrays.asList((String[]) rs.getArray(8).getArray())));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static String where(List<String> areas) {
        StringBuilder out = new StringBuilder();
        for (String area : areas) {
            if (area != null) {
                out.append(" AND (jurisdiction = ? OR jurisdiction LIKE ? ESCAPE '!')");
            }
        }
        return out.toString();
    }

    private static void bind(PreparedStatement s, List<String> areas) throws SQLException {
        int i = 1;
        for (String area : areas) {
            if (area != null) {
                var p = Jurisdictions.parameters("a", area);
                s.setString(i++, (String) p.get("a"));
                s.setString(i++, (String) p.get("aSubAreas"));
            }
        }
    }
}
