package io.firecheck.security;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens that passed full verification (signature, issuer, expiry), kept so that the next request with the
 * very same token skips the RS256 check, which costs about as much as an evaluation (docs/benchmarks.md, P2).
 *
 * Only a token that verified is kept, keyed by its exact text, with the principal verification produced (so
 * roles and jurisdiction are the same). A kept token is used only before its own {@code exp}; at or after it the
 * entry is dropped and the token verified again, so the cache never lengthens a token's life. Bounded: at most
 * {@link #MAX_ENTRIES} tokens (least recently used goes first) and none longer than {@link #MAX_TOKEN_CHARS}.
 * A verifying key removed from the identity provider's JWKS still covers the tokens kept until they expire.
 */
@ApplicationScoped
public class VerifiedTokens {
    /** Enough for every inspector signed in at once; a principal is a few KiB, so the cache stays a few MiB. */
    static final int MAX_ENTRIES = 1024;
    /** Longer tokens (unusual: a few hundred characters is normal) are verified every time, not kept. */
    static final int MAX_TOKEN_CHARS = 4096;

    /** Full verification of one token; throws when it does not verify. */
    @FunctionalInterface
    public interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Entry(JsonWebToken principal, long expiresAtMillis) {
    }

    private final int maxEntries;
    private final LongSupplier clockMillis;
    private final Map<String, Entry> byToken;

    public VerifiedTokens() {
        this(MAX_ENTRIES, System::currentTimeMillis);
    }

    VerifiedTokens(int maxEntries, LongSupplier clockMillis) {
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
        this.byToken = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokens.this.maxEntries;
            }
        };
    }

    /** The kept principal of this exact token while it has not expired, else what {@code verification} gives. */
    public JsonWebToken verify(String token, Verification verification) throws ParseException {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return verification.verify(token);
        }
        long now = clockMillis.getAsLong();
        synchronized (byToken) {
            Entry kept = byToken.get(token);
            if (kept != null) {
                if (now < kept.expiresAtMillis()) {
                    return kept.principal();
                }
                byToken.remove(token);
            }
        }
        JsonWebToken principal = verification.verify(token);
        long exp = principal.getExpirationTime(); // seconds; 0 when the token has none
        if (exp > 0 && now < exp * 1000) {
            synchronized (byToken) {
                byToken.put(token, new Entry(principal, exp * 1000));
            }
        }
        return principal;
    }

    int size() {
        synchronized (byToken) {
            return byToken.size();
        }
    }
}
