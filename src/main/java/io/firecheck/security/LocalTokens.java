package io.firecheck.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Signs tokens with the embedded local key: for dev mode, a fresh machine, the tests and {@code bin/firecheck token}. */
public final class LocalTokens {
    public static final String KEY_PROPERTY = "firecheck.auth.local-key";
    /** The issuer of local tokens (its one home is application.properties); accepted unless an identity provider is configured. */
    public static final String ISSUER = io.firecheck.config.ServiceDefaults.get("firecheck.auth.local-issuer");
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    /** Local tokens are for people at this machine; a longer one belongs to the identity provider. */
    public static final Duration MAX_TTL = Duration.ofDays(30);

    private LocalTokens() {
    }

    /**
     * The key path outside the service (the token command): FIRECHECK_AUTH_LOCAL_KEY, else the service's
     * default from application.properties, so that both always sign and verify with the same key.
     */
    public static Path keyPath() {
        String env = System.getenv("FIRECHECK_AUTH_LOCAL_KEY");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(io.firecheck.config.ServiceDefaults.get(KEY_PROPERTY));
    }

    /** A token with the default claim names (groups, jurisdiction). */
    public static String sign(Path key, String name, Collection<String> roles, String jurisdiction, Duration ttl) {
        return sign(key, claims(name, roles, jurisdiction, ttl));
    }

    public static JwtClaimsBuilder claims(String name, Collection<String> roles, String jurisdiction, Duration ttl) {
        Set<String> unknown = new LinkedHashSet<>(roles);
        unknown.removeAll(Roles.ALL);
        if (roles.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("roles must be among " + Roles.ALL + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("the lifetime must be more than 0 and at most " + MAX_TTL.toDays() + " days");
        }
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(name).upn(name).groups(new LinkedHashSet<>(roles))
                .claim("jti", UUID.randomUUID().toString()).expiresIn(ttl);
        if (jurisdiction != null && !jurisdiction.isBlank()) {
            claims.claim("jurisdiction", jurisdiction);
        }
        return claims;
    }

    public static String sign(Path key, JwtClaimsBuilder claims) {
        return claims.jws().keyId("firecheck-local").sign(LocalKey.loadOrCreate(key).getPrivate());
    }

    /** "12h", "30m", "7d", "90s". */
    public static Duration parseTtl(String text) {
        if (text == null || !text.matches("\\d{1,6}[smhd]")) {
            throw new IllegalArgumentException("--ttl must be a number followed by s, m, h or d, such as 12h");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
