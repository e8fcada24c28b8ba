package io.firecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
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
        String client = TestTokens.token("cache-no-audit", null, Roles.CLIENT);
        String auditor = TestTokens.token("cache-auditor", null, Roles.AUDITOR);
        int before = verified.size();
        for (int i = 0; i < 2; i++) {
            TestTokens.as(client).get("/api/v1/audit").then().statusCode(403);
            TestTokens.as(auditor).get("/api/v1/audit").then().statusCode(200);
            TestTokens.as(auditor).contentType(ContentType.JSON).body(TestDocs.json(TestDocs.tower()))
                    .post("/api/v1/evaluations").then().statusCode(403);
        }
        assertEquals(before + 2, verified.size(), "the second round was answered from the cache");
    }

    @Test
    void aCachedTokenKeepsItsJurisdiction() {
        String jurisdiction = "缓存区" + UUID.randomUUID().toString().substring(0, 6);
        ObjectNode doc = TestDocs.tower();
        ((ObjectNode) doc.get("building")).put("jurisdiction", jurisdiction);
        String id = RestAssured.given().contentType(ContentType.JSON).body(TestDocs.json(doc)).post("/api/v1/evaluations")
                .then().statusCode(201).extract().path("id");
        String here = TestTokens.token("cache-here", jurisdiction, Roles.CLIENT);
        String elsewhere = TestTokens.token("cache-elsewhere", jurisdiction + "外", Roles.CLIENT);
        int before = verified.size();
        for (int i = 0; i < 2; i++) {
            TestTokens.as(here).get("/api/v1/evaluations/" + id).then().statusCode(200);
            TestTokens.as(elsewhere).get("/api/v1/evaluations/" + id).then().statusCode(404);
            TestTokens.as(elsewhere).contentType(ContentType.JSON).body(TestDocs.json(doc)).queryParam("dryRun", true)
                    .post("/api/v1/evaluations").then().statusCode(403);
        }
        assertEquals(before + 2, verified.size(), "the second round was answered from the cache");
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
