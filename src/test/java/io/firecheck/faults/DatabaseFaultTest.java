package io.firecheck.faults;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dead or black-holed database answers in time: 503 problem+json with Retry-After within 2 s for writes
 * and reads, readiness DOWN within 2 s, and the service recovers by itself when the database returns.
 */
@QuarkusTest
@TestProfile(ProxiedDatabaseProfile.class)
class DatabaseFaultTest {
    /** Readiness is on the management interface. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;

    static final long LIMIT_MS = 2000;
    static final ExecutorService CLIENT = Executors.newCachedThreadPool();
    static final TcpProxy PROXY = ProxiedDatabaseProfile.PROXY;

    @AfterEach
    void restore() throws Exception {
        PROXY.restore();
        awaitRecovery();
    }

    @AfterAll
    static void stop() {
        CLIENT.shutdownNow();
    }

    @Test
    void aRefusedDatabaseIs503InTimeAndRecovers() throws Exception {
        String stored = storeOne();
        PROXY.refuse();
        expectUnavailable(stored);
    }

    @Test
    void aBlackHoledDatabaseIs503InTimeAndRecovers() throws Exception {
        String stored = storeOne();
        PROXY.blackHole();
        expectUnavailable(stored);
        expectUnavailable(stored); // also once the pool's connections are known dead and new ones hang at login
    }

    private static String storeOne() {
        return given().contentType(ContentType.JSON).body(json(TestDocs.tower())).post("/api/v1/evaluations")
                .then().statusCode(201).extract().path("id");
    }

    private void expectUnavailable(String storedId) throws Exception {
        Response write = timed(() -> given().contentType(ContentType.JSON).body(json(TestDocs.tower())).post("/api/v1/evaluations"));
        assertEquals(503, write.statusCode(), write.asString());
        assertEquals("application/problem+json", write.contentType());
        assertTrue(Integer.parseInt(write.header("Retry-After")) > 0);
        Response read = timed(() -> given().get("/api/v1/evaluations/" + storedId));
        assertEquals(503, read.statusCode(), read.asString());
        Response readiness = timed(() -> given().get(ready));
        assertEquals(503, readiness.statusCode(), readiness.asString());
    }

    /** The answer, which must come within {@link #LIMIT_MS}. */
    private static Response timed(Callable<Response> request) throws Exception {
        long start = System.nanoTime();
        Response r = CLIENT.submit(request).get(LIMIT_MS + 3000, TimeUnit.MILLISECONDS);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms <= LIMIT_MS, "answered after " + ms + " ms: " + r.statusCode());
        return r;
    }

    /** Recovery without a restart: ready and storing again within a few seconds. */
    private void awaitRecovery() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (CLIENT.submit(() -> given().get(ready).statusCode()).get(5, TimeUnit.SECONDS) == 200) {
                storeOne();
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not recover within 15 s of the database returning");
    }
}
