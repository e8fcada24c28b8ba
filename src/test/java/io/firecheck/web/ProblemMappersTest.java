package io.firecheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {
    final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aLostDatabaseConnectionIsA503WithRetryAfter() {
        Response r = mappers.unexpected(new IllegalStateException("tx failed", new SQLException("connection refused", "08001")));
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
    }

    @Test
    void anyOtherFailureIsA500ProblemThatRevealsNothingInternal() {
        Response r = mappers.unexpected(new IllegalStateException("secret detail", new SQLException("syntax", "42601")));
        assertEquals(500, r.getStatus());
        assertEquals("The request could not be completed; it has been logged.", ((Problem) r.getEntity()).detail());
    }
}
