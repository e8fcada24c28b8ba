package io.firecheck.security;

import static io.firecheck.TestDocs.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Roles and jurisdiction read from where Keycloak puts them, as docs/security.md tells IT staff to configure. */
@QuarkusTest
@TestProfile(KeycloakClaimsTest.KeycloakClaims.class)
class KeycloakClaimsTest {
    public static class KeycloakClaims implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firecheck.auth.roles-claim", "realm_access/roles", "firecheck.auth.jurisdiction-claim", "org/district");
        }
    }

    static String keycloakToken(String user, String district, List<String> roles) {
        return TestTokens.sign(Jwt.issuer(LocalTokens.ISSUER).subject(UUID.randomUUID().toString()).claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles)).claim("org", Map.of("district", district)).expiresIn(600));
    }

    @Test
    void rolesAndJurisdictionComeFromTheConfiguredClaims() {
        String client = keycloakToken("kc-inspector", "天河区", List.of(Roles.CLIENT));
        ObjectNode doc = TestDocs.tower();
        ((ObjectNode) doc.get("building")).put("jurisdiction", "天河区·沙河街道");
        TestTokens.as(client).contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations").then().statusCode(201);
        ((ObjectNode) doc.get("building")).put("jurisdiction", "越秀区");
        ((ObjectNode) doc.get("inspection")).put("id", "KC-" + UUID.randomUUID());
        TestTokens.as(client).contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations").then().statusCode(403)
                .body("detail", containsString("天河区"));
        TestTokens.as(keycloakToken("kc-auditor", "天河区", List.of(Roles.AUDITOR))).queryParam("actor", "kc-inspector")
                .queryParam("type", "EVALUATION_STORED").get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].jurisdiction", equalTo("天河区"));
        TestTokens.as(keycloakToken("kc-officer", "天河区", List.of(Roles.OFFICER))).get("/api/v1/supervision-orders")
                .then().statusCode(200).body("items.jurisdiction", everyItem(startsWith("天河区")));
    }
}
