package io.firecheck.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reload cannot be used to tie up the service, and a broken fixture file is a 422 that names it, on record. */
@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
class ReloadLimitsTest {
    /** Any fixture (not a base document): the first in name order. */
    static final String FIXTURE = firstFixture();

    static String firstFixture() {
        try (var files = Files.walk(Path.of("test-fixtures"))) {
            return files.map(p -> Path.of("test-fixtures").relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".json") && !p.startsWith("base/")).sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void restore() throws IOException {
        CopiedRulesProfile.restore("shafts.drl");
        Files.copy(Path.of("test-fixtures", FIXTURE), CopiedRulesProfile.FIXTURES.resolve(FIXTURE), StandardCopyOption.REPLACE_EXISTING);
        RuleReloadTest.reload().then().statusCode(200);
    }

    /** A comment changes the version, so the next reload compiles and runs the whole fixture gate. */
    static void touchRules() throws IOException {
        Path p = CopiedRulesProfile.DIR.resolve("shafts.drl");
        Files.writeString(p, Files.readString(p) + "\n// touched " + System.nanoTime() + "\n");
    }

    @Test
    void aReloadWhileOneRunsIs409WithRetryAfter() throws Exception {
        touchRules();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return RuleReloadTest.reload();
            }));
        }
        start.countDown();
        int ok = 0;
        int busy = 0;
        for (Future<Response> f : answers) {
            Response r = f.get();
            if (r.statusCode() == 409) {
                busy++;
                r.then().contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue())
                        .body("detail", containsString("already running"));
            } else {
                ok++;
                r.then().statusCode(200).body("outcome", equalTo("ACTIVATED"));
            }
        }
        pool.shutdown();
        assertEquals(1, ok, "exactly one reload compiles");
        assertEquals(2, busy);
    }

    @Test
    void aBrokenFixtureFileIs422NamingFileAndLineAndIsRecorded() throws IOException {
        Path fixture = CopiedRulesProfile.FIXTURES.resolve(FIXTURE);
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture));
        lines.add(2, "  \"broken\": ,");
        Files.write(fixture, lines);
        touchRules();
        RuleReloadTest.reload().then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].file", endsWith(FIXTURE))
                .body("errors[0].line", equalTo(3))
                .body("detail", containsString(FIXTURE + ":3"));
        given().get("/api/v1/rules/reloads").then().body("[0].outcome", equalTo("GATE_FAILED"))
                .body("[0].errors[0].file", endsWith(FIXTURE)).body("[0].errors[0].line", equalTo(3));
    }
}
