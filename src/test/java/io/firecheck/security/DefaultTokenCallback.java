package io.firecheck.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every @QuarkusTest request without its own Authorization header carries a real city-wide token with all
 * five roles (signed by the local key, verified like any other), so API tests need no token plumbing.
 * A test overrides it with TestTokens.as(…) or sends none with TestTokens.anonymous().
 */
public class DefaultTokenCallback implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(TestTokens::isDefaultToken)) {
            RestAssured.filters(TestTokens.defaultToken());
        }
    }
}
