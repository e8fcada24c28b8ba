package io.firecheck.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * Production set-up: an issuer and its JWKS (here a file standing in for the provider's URL). Its tokens
 * are accepted; tokens of the embedded local key no longer are.
 */
@QuarkusTest
@TestProfile(IdentityProviderTest.Provider.class)
class IdentityProviderTest {
    static final String ISSUER = "https://sso.example.gov.cn/realms/fire";
    static final Path KEY = Path.of("target/test-identity-provider/key.pem");
    static final Path JWKS = KEY.resolveSibling("jwks.json");

    public static class Provider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            KeyPair pair = LocalKey.loadOrCreate(KEY);
            try {
                RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
                jwk.setKeyId("provider-1");
                Files.writeString(JWKS, new JsonWebKeySet(jwk).toJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("firecheck.auth.issuer", ISSUER, "firecheck.auth.jwks-url", JWKS.toAbsolutePath().toString());
        }
    }

    static String providerToken(String role) {
        return Jwt.issuer(ISSUER).subject("u-1").claim("preferred_username", "provider-user").groups(Set.of(role))
                .expiresIn(600).jws().keyId("provider-1").sign(LocalKey.loadOrCreate(KEY).getPrivate());
    }

    @Test
    void theProvidersTokensAreAcceptedAndLocalOnesAreNot() {
        TestTokens.as(providerToken(Roles.AUDITOR)).get("/api/v1/audit").then().statusCode(200);
        TestTokens.as(providerToken(Roles.CLIENT)).get("/api/v1/audit").then().statusCode(403);
        TestTokens.as(TestTokens.cityWide()).get("/api/v1/audit").then().statusCode(401);
    }
}
