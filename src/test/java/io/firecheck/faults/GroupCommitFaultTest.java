package io.firecheck.faults;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while a group of evaluations is being committed: every request is answered within
 * 2 s, 201 or 503, and every 201 is stored once the database is back. A 503'd document re-posted unchanged is
 * stored or found (200), never a conflict.
 */
@QuarkusTest
@TestProfile(ProxiedDatabaseProfile.class)
class GroupCommitFaultTest {
    static final TcpProxy PROXY = ProxiedDatabaseProfile.PROXY;

    /** Straight to PostgreSQL, past the proxy. */
    static void sql(String statement) throws Exception {
        String db = System.getenv().getOrDefault("FIRECHECK_TEST_DB", "postgres");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", null);
             Statement s = c.createStatement()) {
            s.execute("SET search_path TO firecheck_test");
            s.execute(statement);
        }
    }

    @Test
    void aDatabaseLostDuringAGroupAnswers503InTimeAndLosesNothingAcknowledged() throws Exception {
        // rows of SLOW- buildings take 100 ms each to insert, so that groups are in flight when the database goes
        sql("""
                CREATE OR REPLACE FUNCTION slow_insert() RETURNS trigger AS $$
                BEGIN
                  IF NEW.building_id LIKE 'SLOW-%' THEN PERFORM pg_sleep(0.1); END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        sql("CREATE TRIGGER slow_insert BEFORE INSERT ON evaluation FOR EACH ROW EXECUTE FUNCTION slow_insert()");
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            warmUp(clients);
            List<ObjectNode> docs = new ArrayList<>();
            List<Future<long[]>> answers = new ArrayList<>();
            List<Response> responses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ObjectNode doc = TestDocs.tower("SLOW-" + UUID.randomUUID());
                docs.add(doc);
                responses.add(null);
                int index = i;
                answers.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    Response r = given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations");
                    responses.set(index, r);
                    return new long[] {r.statusCode(), (System.nanoTime() - start) / 1_000_000};
                }));
                if (i == 8) {
                    Thread.sleep(150);
                    PROXY.blackHole();
                }
            }
            List<Integer> acknowledged = new ArrayList<>();
            List<Integer> refused = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                long[] a = answers.get(i).get(10, TimeUnit.SECONDS);
                assertTrue(a[0] == 201 || a[0] == 503, "item " + i + ": " + a[0] + " " + responses.get(i).asString());
                assertTrue(a[1] <= 2000, "item " + i + " answered after " + a[1] + " ms");
                (a[0] == 201 ? acknowledged : refused).add(i);
                if (a[0] == 503) {
                    assertTrue(Integer.parseInt(responses.get(i).header("Retry-After")) > 0);
                }
            }
            assertTrue(!refused.isEmpty(), "the database was lost while requests waited");
            PROXY.restore();
            awaitStoring();
            for (int i : acknowledged) {
                given().get("/api/v1/evaluations/" + responses.get(i).path("id")).then().statusCode(200);
            }
            for (int i : refused) {
                int status = given().contentType(ContentType.JSON).body(json(docs.get(i))).post("/api/v1/evaluations").statusCode();
                assertTrue(status == 201 || status == 200, "a retry of a 503'd document: " + status);
            }
        } finally {
            PROXY.restore();
            clients.shutdownNow();
            sql("DROP TRIGGER IF EXISTS slow_insert ON evaluation");
        }
    }

    /** The first evaluations after a start compile the rules' constraints; the limit is for a warm service. */
    private static void warmUp(ExecutorService clients) throws Exception {
        List<Future<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            posts.add(clients.submit(() -> given().contentType(ContentType.JSON).body(json(TestDocs.tower()))
                    .post("/api/v1/evaluations").statusCode()));
        }
        for (Future<Integer> post : posts) {
            assertEquals(201, post.get());
        }
    }

    private static void awaitStoring() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (given().contentType(ContentType.JSON).body(json(TestDocs.tower())).post("/api/v1/evaluations").statusCode() == 201) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not storing again within 15 s");
    }
}
