package io.firecheck.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * 250 clients trickling their bodies at 1 byte/s hold no worker thread: health, reads and evaluations keep
 * answering meanwhile, and each slow body is cut off with a 408 at the body timeout.
 */
@QuarkusTest
class SlowClientsTest {
    /** Readiness is on the management interface. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;

    static final int CLIENTS = 250;

    @Test
    void slowClientsDoNotStallTheService() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Socket s = new Socket("127.0.0.1", RestAssured.port);
                s.setSoTimeout(15_000);
                s.getOutputStream().write(("POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            trickle.scheduleAtFixedRate(() -> sockets.forEach(SlowClientsTest::oneByte), 1, 1, TimeUnit.SECONDS);
            Thread.sleep(1500);

            long start = System.nanoTime();
            given().get(ready).then().statusCode(200);
            given().get("/api/v1/rules").then().statusCode(200);
            given().get("/api/v1/supervision-orders").then().statusCode(200);
            given().contentType(ContentType.JSON).body(TestDocs.json(TestDocs.tower())).post("/api/v1/evaluations")
                    .then().statusCode(201);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 5000, "four requests took " + ms + " ms while " + CLIENTS + " clients trickle");

            // each slow body meets the body timeout: a 408 problem, connection closed
            String status = firstLine(sockets.get(0).getInputStream());
            assertEquals("HTTP/1.1 408 Request Timeout", status);
            long timeout = ConfigProvider.getConfig().getValue("firecheck.http.body-timeout", java.time.Duration.class).toMillis();
            assertTrue(timeout < 15_000, "the test's body timeout is short: " + timeout);
        } finally {
            trickle.shutdownNow();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static void oneByte(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException e) {
            // closed by the server at the body timeout
        }
    }

    /** The first line the server answered on a raw socket (its status line). */
    static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
