package io.firecheck.evaluation;

import static io.firecheck.TestDocs.at;
import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.firecheck.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Concurrent stored evaluations share transactions (group commit) and each still ends on its own. */
@QuarkusTest
class GroupCommitTest {
    @Inject
    EvaluationService service;
    @Inject
    DataSource dataSource;

    @Test
    void concurrentStoredPostsAreAllStoredWithTheirOwnAnswers() throws Exception {
        int n = 40;
        List<ObjectNode> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(TestDocs.tower());
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (ObjectNode doc : docs) {
                answers.add(clients.submit(() -> given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations")));
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Response r = answers.get(i).get();
                assertEquals(201, r.statusCode(), r.asString());
                // each answer is its own document's, not a neighbour's in the group
                assertEquals(docs.get(i).get("inspection").get("id").asText(), r.path("inspectionId"));
                assertEquals(docs.get(i).get("building").get("id").asText(), r.path("buildingId"));
                ids.add(r.path("id"));
                given().get("/api/v1/evaluations/" + r.path("id")).then().statusCode(200).body(equalTo(r.asString()));
            }
            assertEquals(n, ids.size());
            Rows rows = rows(ids);
            assertEquals(n, rows.count, "every acknowledged evaluation is stored");
            assertEquals(n, rows.audited, "each with its audit entry, in its transaction");
            assertTrue(rows.transactions < n, "concurrent posts share transactions: " + rows.transactions + " for " + n);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItselfInItsGroup() throws Exception {
        storeSixOneRefused("CREATE TRIGGER refuse_in_group BEFORE INSERT ON evaluation FOR EACH ROW", 2);
    }

    /**
     * The group's one statement is its transaction: a row refused only at COMMIT (a deferred trigger) fails the
     * shared commit, and then only its own request; no row of the failed commit was acknowledged before it.
     */
    @Test
    void aCommitThatFailsForOneRowFailsOnlyThatRowsRequest() throws Exception {
        storeSixOneRefused("CREATE CONSTRAINT TRIGGER refuse_in_group AFTER INSERT ON evaluation "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW", 3);
    }

    @Test
    void aBatchIsStoredInOneTransactionPerChunk() {
        List<ObjectNode> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(TestDocs.tower());
        }
        List<String> ids = given().contentType(ContentType.JSON).body(json(docs)).post("/api/v1/evaluations/batch")
                .then().statusCode(200).body("status", everyItem(equalTo(201))).body("result.id", everyItem(notNullValue()))
                .extract().path("result.id");
        Rows rows = rows(new HashSet<>(ids));
        assertEquals(30, rows.count);
        assertEquals(30, rows.audited);
        assertEquals(1, rows.transactions, "30 items are one multi-row insert");
    }

    /** A batch meets a building's order in its own order: the major opens it, the later compliant re-inspection moves it. */
    @Test
    void aBatchKeepsTheOrderOfItsItemsAroundASupervisionOrder() {
        String building = "GB-" + UUID.randomUUID().toString().substring(0, 12);
        ObjectNode before = TestDocs.tower(building);
        at(before, "inspection").put("date", "2026-11-01");
        ObjectNode major = TestDocs.majorTower(building);
        at(major, "inspection").put("date", "2026-11-02");
        ObjectNode other = TestDocs.tower();
        ObjectNode fixed = TestDocs.tower(building);
        at(fixed, "inspection").put("date", "2026-11-03");
        given().contentType(ContentType.JSON).body(json(List.of(before, major, other, fixed))).post("/api/v1/evaluations/batch")
                .then().statusCode(200)
                .body("status", contains(201, 201, 201, 201))
                .body("[0].result.supervisionOrder", org.hamcrest.Matchers.nullValue())
                .body("[1].result.supervisionOrder.status", equalTo("OPEN"))
                .body("[2].result.supervisionOrder", org.hamcrest.Matchers.nullValue())
                .body("[3].result.supervisionOrder.status", equalTo("PENDING_ACCEPTANCE"));
        given().get("/api/v1/supervision-orders?buildingId=" + building).then()
                .body("total", equalTo(1)).body("items[0].status", equalTo("PENDING_ACCEPTANCE"));
    }

    /**
     * Six towers stored as one group while the trigger (its CREATE up to EXECUTE) refuses the one at index
     * refused: that one fails, the other five are created, stored and audited, and the refused one left neither
     * a row nor an audit entry.
     */
    private void storeSixOneRefused(String trigger, int refused) throws Exception {
        BatchIsolationTest.sql("""
                CREATE OR REPLACE FUNCTION refuse_in_group() RETURNS trigger AS $$
                BEGIN
                  IF NEW.building_id LIKE 'REFUSED-%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        BatchIsolationTest.sql(trigger + " EXECUTE FUNCTION refuse_in_group()");
        try {
            storeSix(refused);
        } finally {
            BatchIsolationTest.sql("DROP TRIGGER IF EXISTS refuse_in_group ON evaluation");
        }
    }

    private void storeSix(int refused) throws Exception {
        Caller client = new Caller("group-test", Set.of("client"), null);
        List<EvaluationService.Prepared> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] body = TestDocs.json(TestDocs.tower((i == refused ? "REFUSED-" : "G-") + UUID.randomUUID())).getBytes(StandardCharsets.UTF_8);
            items.add(service.prepare(body, 0, body.length, false, client));
        }
        List<Object> outcomes = service.store(items, client);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (i == refused) {
                assertInstanceOf(RuntimeException.class, outcomes.get(i));
            } else {
                EvaluationService.Outcome o = assertInstanceOf(EvaluationService.Outcome.class, outcomes.get(i));
                assertTrue(o.created());
                ids.add(o.id());
            }
        }
        Rows stored = rows(ids);
        assertEquals(5, stored.count);
        assertEquals(5, stored.audited);
        assertEquals(0, rows(Set.of(items.get(refused).row().id.toString())).audited, "no audit entry for the refused row");
        given().get("/api/v1/buildings/" + items.get(refused).row().buildingId + "/evaluations").then().body("total", equalTo(0));
    }

    record Rows(int count, int audited, int transactions) {
    }

    /** How many of these evaluations are stored and audited, and in how many transactions (xmin). */
    private Rows rows(Set<String> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT count(*), count(DISTINCT e.xmin::text),
                       (SELECT count(*) FROM audit_log a WHERE a.action = 'EVALUATION_STORED'
                            AND a.target = ANY (SELECT 'evaluation ' || x FROM unnest(?::text[]) x))
                FROM evaluation e WHERE e.id::text = ANY (?::text[])
                """)) {
            Object array = c.createArrayOf("text", ids.toArray());
            st.setObject(1, array);
            st.setObject(2, array);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Rows(rs.getInt(1), rs.getInt(3), rs.getInt(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
