package io.firecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache of verified bearer tokens on its own, with a clock the test moves. */
class VerifiedTokensTest {
    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final List<String> verified = new ArrayList<>();

    /** A principal as verification produces it: exp in seconds. */
    record Principal(String getName, long exp) implements JsonWebToken {
        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.<String, Object>of("sub", getName, "exp", exp).get(claimName);
        }
    }

    /** Verifies tokens "good-<exp seconds>" and refuses anything else, as a bad signature is refused. */
    JsonWebToken verify(String token) throws ParseException {
        verified.add(token);
        if (!token.startsWith("good-")) {
            throw new ParseException("signature does not verify");
        }
        long exp = Long.parseLong(token.substring(5));
        if (now.get() >= exp * 1000) {
            throw new ParseException("expired");
        }
        return new Principal(token, exp);
    }

    String inSeconds(long s) {
        return "good-" + (now.get() / 1000 + s);
    }

    @Test
    void aVerifiedTokenIsTakenFromTheCacheUntilItsOwnExpiry() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(10, now::get);
        String token = inSeconds(60);
        JsonWebToken first = cache.verify(token, this::verify);
        now.addAndGet(59_000);
        assertSame(first, cache.verify(token, this::verify), "the same principal, so the same roles and jurisdiction");
        assertEquals(1, verified.size());
        now.addAndGet(1_000); // exp reached: the cached entry does not count any more, verification refuses
        assertThrows(ParseException.class, () -> cache.verify(token, this::verify));
        assertEquals(2, verified.size());
        assertEquals(0, cache.size());
    }

    @Test
    void aTokenThatDoesNotVerifyIsNeverKept() {
        VerifiedTokens cache = new VerifiedTokens(10, now::get);
        for (int i = 0; i < 3; i++) {
            assertThrows(ParseException.class, () -> cache.verify("forged", this::verify));
        }
        assertEquals(List.of("forged", "forged", "forged"), verified);
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheIsBoundedInEntriesAndTokenLength() throws Exception {
        VerifiedTokens cache = new VerifiedTokens(3, now::get);
        for (int i = 1; i <= 3; i++) {
            cache.verify(inSeconds(600 + i), this::verify);
        }
        cache.verify(inSeconds(601), this::verify); // used again: now the most recently used
        cache.verify(inSeconds(604), this::verify); // a fourth: the least recently used (602) makes room
        assertEquals(3, cache.size());
        assertEquals(4, verified.size());
        cache.verify(inSeconds(601), this::verify); // kept, though the first one stored
        assertEquals(4, verified.size());
        cache.verify(inSeconds(602), this::verify); // dropped: verified again
        assertEquals(5, verified.size());

        String longToken = "good-" + "0".repeat(VerifiedTokens.MAX_TOKEN_CHARS) + (now.get() / 1000 + 600);
        cache.verify(longToken, this::verify);
        cache.verify(longToken, this::verify);
        assertEquals(7, verified.size(), "a token longer than the limit is verified every time");
    }
}
