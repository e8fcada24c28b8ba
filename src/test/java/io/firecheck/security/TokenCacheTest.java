package io.firecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verified-token cache in the service: it sits in front of the bearer-token check and changes no answer. */
@QuarkusTest
class TokenCacheTest {
    static final String EVALUATION = "/api/v1/evaluations/no-such-evaluation";

    @Inject
    VerifiedTokens verified;

    @Test
    void aValidTokenIsKeptAndAnsweredAsBefore() {
        String token = TestTokens.token("cache-reader", null, Roles.AUDITOR);
        int before = verified.size();
        TestTokens.as(token).get(EVALUATION).then().statusCode(404);
        assertEquals(before + 1, verified.size());
        TestTokens.as(token).get(EVALUATION).then().statusCode(404);
        assertEquals(before + 1, verified.size());
    }

    @Test
    void rolesAreTheSameFromTheCache() {
        String token = TestTokens.token("cache-no-audit", null, Roles.CLIENT);
        for (int i = 0; i < 2; i++) {
            TestTokens.as(token).get("/api/v1/audit").then().statusCode(403);
        }
    }

    @Test
    void expiredAndForgedTokensAreRefusedAndNotKept() throws Exception {
        var foreignKey = KeyPairGenerator.getInstance("RSA");
        foreignKey.initialize(2048);
        String forged = Jwt.issuer(LocalTokens.ISSUER).subject("forger").groups(Set.of(Roles.AUDITOR)).expiresIn(600)
                .sign(foreignKey.generateKeyPair().getPrivate());
        String expired = TestTokens.sign(Jwt.issuer(LocalTokens.ISSUER).subject("late").groups(Set.of(Roles.AUDITOR))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)));
        int before = verified.size();
        for (int i = 0; i < 2; i++) {
            TestTokens.as(forged).get(EVALUATION).then().statusCode(401);
            TestTokens.as(expired).get(EVALUATION).then().statusCode(401);
        }
        assertEquals(before, verified.size());
    }
}
