package io.firecheck.persistence;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC URL points at another schema (public); the service still writes to its own, and readiness
 * goes DOWN when one of its tables is missing.
 */
@QuarkusTest
@TestProfile(SchemaIndependenceTest.MisleadingUrl.class)
class SchemaIndependenceTest {
    /** Readiness is on the management interface. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;


    public static class MisleadingUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/"
                    + System.getenv().getOrDefault("FIRECHECK_TEST_DB", "postgres") + "?currentSchema=public");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void writesLandInTheConfiguredSchemaWhateverTheUrlSays() throws SQLException {
        var doc = TestDocs.majorTower("SCHEMA-" + System.nanoTime());
        String inspectionId = doc.get("inspection").get("id").asText();
        given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations")
                .then().statusCode(201).body("classification", equalTo("MAJOR_HAZARD"))
                .body("supervisionOrder.number", containsString("DB-"));
        assertEquals(1, count("SELECT count(*) FROM firecheck_test.evaluation WHERE inspection_id = '" + inspectionId + "'"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name = 'evaluation'"));
    }

    @Test
    void readinessIsDownWhileATableIsMissing() throws SQLException {
        given().get(ready).then().statusCode(200);
        execute("ALTER TABLE firecheck_test.supervision_order_event RENAME TO supervision_order_event_away");
        try {
            given().get(ready).then().statusCode(503)
                    .body("checks.find { it.name == 'database schema' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database schema' }.data.problems",
                            containsString("firecheck_test.supervision_order_event: missing"));
        } finally {
            execute("ALTER TABLE firecheck_test.supervision_order_event_away RENAME TO supervision_order_event");
        }
        given().get(ready).then().statusCode(200);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
