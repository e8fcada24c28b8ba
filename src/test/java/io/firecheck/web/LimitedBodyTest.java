package io.firecheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The limit for bodies that arrive without a Content-Length, where only reading tells the size. */
class LimitedBodyTest {
    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        assertEquals(10, LimitedBody.read(new ByteArrayInputStream(new byte[10]), 10).length);
    }

    @Test
    void oneByteMoreIs413() {
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> LimitedBody.read(new ByteArrayInputStream(new byte[11]), 10));
        assertEquals(413, e.getResponse().getStatus());
    }
}
