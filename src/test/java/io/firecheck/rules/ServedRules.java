package io.firecheck.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Instant;

/** The version this instance serves, and the shipped rules made the cluster's set again after a test applied others. */
public final class ServedRules {
    /** Who the shipped rules are published as when a test puts them back. */
    public static final String TEST_CLEANUP = "test-cleanup";

    private ServedRules() {
    }

    public static String version() {
        return RestAssured.given().get("/api/v1/rules").then().statusCode(200).extract().path("version");
    }

    /**
     * Publishes the shipped rules unless they are already the cluster's newest set (a test may have stored another
     * that this instance has not taken yet), and waits until this instance serves them.
     */
    public static void backToShipped(RuleSetStore store) throws Exception {
        RuleSet shipped = new RuleSetLoader().load(Path.of("rules"));
        if (!store.newest().map(RuleSetStore.Head::version).orElse("").equals(shipped.version())) {
            store.publish(shipped, TEST_CLEANUP, Instant.now());
        }
        long end = System.currentTimeMillis() + 60_000;
        while (!shipped.version().equals(version()) && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertEquals(shipped.version(), version());
    }
}
