package io.firecheck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies held at once stay within firecheck.http.bodies-in-flight: past it a request is a 503 problem
 * with Retry-After, refused before its body is read when its length is declared, and served again once the
 * bodies held are answered. A body alone gets in whatever its size.
 */
@QuarkusTest
@TestProfile(BodiesInFlightTest.SmallBudget.class)
class BodiesInFlightTest {
    static final int BUDGET = 64 * 1024;
    /** Sent of a body that declares more and waits for the rest: it holds what it sent. */
    static final int HELD = 40_000;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firecheck.http.bodies-in-flight", String.valueOf(BUDGET));
        }
    }

    @Inject
    BodyBudget budget;

    private Socket holder;

    @AfterEach
    void release() throws Exception {
        if (holder != null) {
            holder.close();
        }
        awaitHeld(n -> n == 0);
    }

    @Test
    void aDeclaredLengthThatDoesNotFitIs503OnItsHeaders() throws Exception {
        hold();
        given().contentType(ContentType.JSON).body(" ".repeat(BUDGET - HELD + 1)).post("/api/v1/evaluations").then()
                .statusCode(503).header("Retry-After", BodySizeLimit.BUSY_RETRY_AFTER)
                .contentType("application/problem+json").body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable")).body("detail", containsString(BUDGET + " bytes"));
        // no byte of the body is ever sent: only the declared length can refuse it
        try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (BUDGET - HELD + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 503 Service Unavailable", SlowClientsTest.firstLine(s.getInputStream()));
        }
        awaitHeld(n -> n == HELD);
    }

    @Test
    void aChunkedBodyIs503WhenItsBytesStopFittingAndGivesBackWhatItTook() throws Exception {
        hold();
        int first = 20_000;
        try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunk(first)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitHeld(n -> n == HELD + first);
            out.write((chunk(BUDGET - HELD - first + 1) + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("HTTP/1.1 503 Service Unavailable", SlowClientsTest.firstLine(s.getInputStream()));
        }
        awaitHeld(n -> n == HELD);
    }

    @Test
    void aBodyThatFitsBesideTheHeldOnesIsServed() throws Exception {
        hold();
        given().contentType(ContentType.JSON).body(TestDocs.json(TestDocs.tower())).post("/api/v1/evaluations")
                .then().statusCode(201);
        awaitHeld(n -> n == HELD);
    }

    @Test
    void onceTheHeldBodyIsDroppedOthersGetInAgain() throws Exception {
        hold();
        holder.close();
        holder = null;
        awaitHeld(n -> n == 0);
        given().contentType(ContentType.JSON).body(" ".repeat(BUDGET - HELD + 1) + TestDocs.json(TestDocs.tower()))
                .post("/api/v1/evaluations").then().statusCode(201);
    }

    /** Sent in full, then gone before the answer: its bytes come back (at once, or a body timeout later). */
    @Test
    void aClientThatLeavesAfterSendingItsBodyLeavesNothingHeld() throws Exception {
        String batch = batch();
        try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
            byte[] body = batch.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/evaluations/batch?dryRun=true HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            awaitHeld(n -> n > 0);
        }
        awaitHeld(n -> n == 0);
    }

    @Test
    void aBodyAloneGetsInWhateverItsSize() {
        String body = batch();
        given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations/batch?dryRun=true").then()
                .statusCode(200).body("[0].status", equalTo(200));
        given().contentType(ContentType.JSON).body(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/evaluations/batch?dryRun=true").then().statusCode(200);
    }

    /** A client that declares more than it sends: the service holds the bytes it read. */
    private void hold() throws Exception {
        holder = new Socket("127.0.0.1", RestAssured.port);
        OutputStream out = holder.getOutputStream();
        out.write(("POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (HELD + 1000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(" ".repeat(HELD).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        awaitHeld(n -> n == HELD);
    }

    /** A batch of towers twice the budget's size. */
    private static String batch() {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; batch.length() < 2 * BUDGET; i++) {
            batch.append(i == 0 ? "" : ",").append(TestDocs.json(TestDocs.tower()));
        }
        return batch.append("]").toString();
    }

    private static String chunk(int size) {
        return Integer.toHexString(size) + "\r\n" + " ".repeat(size) + "\r\n";
    }

    private void awaitHeld(LongPredicate expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!expected.test(budget.held()) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertTrue(expected.test(budget.held()), "bytes held: " + budget.held());
    }
}
