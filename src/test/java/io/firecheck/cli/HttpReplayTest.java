package io.firecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.engine.RuleSetLoader;
import io.firecheck.ShippedRules;
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
    void everyFixturePassesOverHttpAndTheServicesRuleVersionIsShown() throws Exception {
        MainTest.Run r = MainTest.run("replay", "--url", service.toString(), "--junit", "target/firecheck/TEST-http.xml",
                "--token", io.firecheck.security.TestTokens.token("qa", null, io.firecheck.security.Roles.CLIENT));
        assertEquals(0, r.exit(), r.out());
        String version = new RuleSetLoader().load(ShippedRules.RULES).version();
        assertTrue(r.lines().get(0).contains("rule set " + version), r.out());
        assertTrue(r.last().matches("fixtures: \\d+ passed, 0 failed .*"), r.out());
    }
}
