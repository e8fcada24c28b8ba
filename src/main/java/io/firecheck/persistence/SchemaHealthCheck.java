package io.firecheck.persistence;

import io.firecheck.config.FirecheckConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the service's schema holds the tables it writes to and the user may use them. Reaching
 * the database is not enough: a service pointed at the wrong schema would report ready and then fail
 * every write.
 */
@Readiness
@ApplicationScoped
public class SchemaHealthCheck implements HealthCheck {
    static final String NAME = "database schema";
    /** Every table and sequence the service reads or writes, created by the Flyway migrations. */
    static final List<String> RELATIONS = List.of("evaluation", "supervision_order", "supervision_order_number_seq",
            "supervision_order_evaluation", "supervision_order_hazard_history", "supervision_order_event",
            "rule_reload", "rule_set", "audit_log");
    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final String schema;

    public SchemaHealthCheck(DataSource dataSource, FirecheckConfig config) {
        this.dataSource = dataSource;
        this.schema = config.database().schema();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            List<String> problems = problems();
            var response = HealthCheckResponse.named(NAME).withData("schema", schema).status(problems.isEmpty());
            if (!problems.isEmpty()) {
                response.withData("problems", String.join("; ", problems));
            }
            return response.build();
        } catch (SQLException e) {
            return HealthCheckResponse.named(NAME).down().withData("schema", schema)
                    .withData("problems", "cannot check the schema: " + e.getMessage()).build();
        }
    }

    /** One query: each relation that is missing, or that the user may not read and write. */
    private List<String> problems() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT r, CASE
                    WHEN to_regclass(q) IS NULL THEN 'missing'
                    WHEN r LIKE '%_seq' THEN CASE WHEN has_sequence_privilege(q, 'USAGE') THEN NULL ELSE 'no USAGE privilege' END
                    WHEN NOT (has_table_privilege(q, 'SELECT') AND has_table_privilege(q, 'INSERT')
                              AND has_table_privilege(q, 'UPDATE'))
                        THEN 'no SELECT, INSERT, UPDATE privilege' END
                FROM (SELECT r, format('%I.%I', ?, r) AS q FROM unnest(?) AS r) AS relations
                """)) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            st.setString(1, schema);
            st.setArray(2, c.createArrayOf("text", RELATIONS.toArray()));
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        problems.add(schema + "." + rs.getString(1) + ": " + rs.getString(2));
                    }
                }
            }
            return problems;
        }
    }
}
