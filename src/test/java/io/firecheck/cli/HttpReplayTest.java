package io.firecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** QA's replay against a running service: the same fixtures, evaluated over HTTP as dry runs. */
@QuarkusTest
class HttpReplayTest {
    @TestHTTPResource("/")
    URL service;

    @Test
    void everyFixturePassesOverHttp() {
        MainTest.Run r = MainTest.run("replay", "--url", service.toString(), "--junit", "target/fixture-replay/TEST-http.xml",
                "--token", io.firecheck.security.TestTokens.token("qa", null, io.firecheck.security.Roles.CLIENT));
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains(" passed, 0 failed"), r.out());
    }
}
