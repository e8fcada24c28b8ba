package io.firecheck.evaluation;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Major evaluations of one building queue in memory (BuildingLocks), not on pooled connections: while the
 * building's order is locked, this instance has one connection waiting for it and the others stay free. Were each
 * to wait holding a connection, two would hold the small pool below and the rest would time out waiting for one
 * (503 for valid requests), as a longer queue outlasts the connections' socket timeout on a busy machine.
 */
@QuarkusTest
@TestProfile(BuildingQueueTest.SmallPool.class)
class BuildingQueueTest {
    static final int CONCURRENT = 8;
    /** Longer than the pool's acquisition timeout, well within the connections' 1 s socket timeout. */
    static final long HELD_MILLIS = 600;

    /** Two connections for requests (the rule-set listener holds a third), taken within 0.4 s or not at all. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "3", "quarkus.datasource.jdbc.acquisition-timeout", "0.4S");
        }
    }

    static Response evaluate(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations");
    }

    @Test
    void majorEvaluationsOfOneBuildingWaitForItsOrderWithoutHoldingTheConnections() throws Exception {
        String building = "BQ-" + UUID.randomUUID().toString().substring(0, 12);
        String orderId = evaluate(json(TestDocs.majorTower(building))).then().statusCode(201).extract().path("supervisionOrder.id");
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        List<Future<Response>> calls = new ArrayList<>();
        int mostWaiting = 0;
        try (Connection holder = connect(); Connection watcher = connect()) {
            holder.setAutoCommit(false);
            lockOrder(holder, orderId);
            for (int i = 0; i < CONCURRENT; i++) {
                String body = json(TestDocs.majorTower(building));
                calls.add(pool.submit(() -> evaluate(body)));
            }
            long until = System.currentTimeMillis() + 10_000;
            while (lockWaiters(watcher) == 0 && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            // from the first waiter on, the others have had time to queue, or to time out on the pool
            long release = System.currentTimeMillis() + HELD_MILLIS;
            while (System.currentTimeMillis() < release) {
                mostWaiting = Math.max(mostWaiting, lockWaiters(watcher));
                Thread.sleep(20);
            }
            holder.commit();
        }
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> f : calls) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        responses.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        assertTrue(responses.stream().allMatch(r -> orderId.equals(r.path("supervisionOrder.id"))));
        assertEquals(1, mostWaiting, "connections of this instance waiting for the building's order");
        given().queryParam("buildingId", building).get("/api/v1/supervision-orders").then().body("total", equalTo(1));
        given().get("/api/v1/supervision-orders/" + orderId).then().body("evaluations.size()", equalTo(CONCURRENT + 1));
    }

    /** A connection of the test's own, outside the service's pool. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties props = new Properties();
        props.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> props.setProperty("password", p));
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), props);
    }

    /** Locks the order's row as an evaluation touching it does. */
    private static void lockOrder(Connection c, String orderId) throws SQLException {
        String schema = ConfigProvider.getConfig().getValue("firecheck.database.schema", String.class);
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM " + schema + ".supervision_order WHERE id = ? FOR UPDATE")) {
            st.setObject(1, UUID.fromString(orderId));
            st.executeQuery().close();
        }
    }

    /**
     * The sessions of this database waiting for a lock: on a row, the first waits for its holder and the others
     * for the first. Asked outside a transaction, as pg_stat_activity is read once per transaction.
     */
    private static int lockWaiters(Connection watcher) throws SQLException {
        try (PreparedStatement st = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
