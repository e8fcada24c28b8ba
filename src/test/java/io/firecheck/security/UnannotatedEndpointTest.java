package io.firecheck.security;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The safety net: an /api endpoint that someone forgot to annotate still needs a valid token. */
@QuarkusTest
class UnannotatedEndpointTest {
    @Path("/api/test-only/unannotated")
    public static class Unannotated {
        @GET
        public String hello() {
            return "hello";
        }
    }

    @Test
    void aValidTokenIsStillRequired() {
        TestTokens.anonymous().get("/api/test-only/unannotated").then().statusCode(401).contentType("application/problem+json");
        TestTokens.as("x", null, Roles.CLIENT).get("/api/test-only/unannotated").then().statusCode(200);
    }
}
