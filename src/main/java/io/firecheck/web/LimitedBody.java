package io.firecheck.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body up to a limit. The Content-Length check in {@link BodySizeLimit} answers most
 * over-size requests before they are read; this catches bodies sent without a length (chunked).
 */
public final class LimitedBody {
    private LimitedBody() {
    }

    public static byte[] read(InputStream in, long limit) {
        if (in == null) {
            return new byte[0];
        }
        try {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new WebApplicationException("the request body is larger than " + limit + " bytes",
                        Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }
}
